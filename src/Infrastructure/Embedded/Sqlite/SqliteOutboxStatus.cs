using System.Globalization;
using ShoppingCart.Application.Operations;
using ShoppingCart.Infrastructure.Embedded.Relay;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>The embedded outbox's status, read from the same file the service uses (safe while it runs: reads only).</summary>
public sealed class SqliteOutboxStatus(SqliteDatabase database) : IOutboxStatusSource
{
    public async Task<OutboxStatus> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT r.checkpoint, r.head_sequence, r.head_attempts, r.head_error,
                   (SELECT COUNT(*) FROM outbox WHERE sequence > r.checkpoint),
                   (SELECT MIN(occurred_at) FROM outbox WHERE sequence > r.checkpoint),
                   (SELECT COUNT(*) FROM dead_letters)
            FROM relay_state r WHERE r.relay = 'outbox';
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var headFailure = reader.IsDBNull(1)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"row {reader.GetInt64(1)} failed {reader.GetInt32(2)} time(s): {(reader.IsDBNull(3) ? "?" : reader.GetString(3))}");
        return new OutboxStatus(
            Backlog: reader.GetInt64(4),
            OldestUnpublishedAt: reader.IsDBNull(5) ? null : Timestamps.Parse(reader.GetString(5)),
            Checkpoint: OutboxPositions.Format(reader.GetInt64(0)),
            Relay: RelayHolder(),
            HeadFailure: headFailure,
            DeadLetters: reader.GetInt64(6),
            Notes: []);
    }

    /// <summary>Tries the relay lease for an instant: a running relay holds it (in this process or another).</summary>
    private string RelayHolder()
    {
        using var lease = RelayLease.TryAcquire(database.FilePath);
        return lease is null
            ? $"held: a relay is publishing {database.FilePath}"
            : "free: no relay is running on this file (start the service to publish the backlog)";
    }
}
