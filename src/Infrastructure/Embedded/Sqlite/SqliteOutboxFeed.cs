using System.Globalization;
using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// The outbox as a change feed for the relay (the local twin of the DynamoDB stream): rows after the checkpoint in
/// sequence order, the checkpoint itself, the failing head row's attempt count, and retention clean-up.
/// </summary>
public sealed class SqliteOutboxFeed(SqliteDatabase database, TimeProvider clock)
{
    private const string Relay = "outbox";

    public async Task<OutboxBatch> ReadAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForRelayAsync(cancellationToken);

        // One read transaction: the checkpoint and the rows after it come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var checkpoint = await ReadCheckpointAsync(connection, transaction, cancellationToken);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {OutboxRowReader.Columns} FROM outbox WHERE sequence > $checkpoint ORDER BY sequence LIMIT $limit;";
        command.Parameters.AddWithValue("$checkpoint", checkpoint);
        command.Parameters.AddWithValue("$limit", batchSize);
        var entries = new List<FeedEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(OutboxRowReader.Read(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new OutboxBatch(checkpoint, entries);
    }

    public async Task<long> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        return await ReadCheckpointAsync(connection, transaction: null, cancellationToken);
    }

    /// <summary>Moves the checkpoint forward to <paramref name="sequence"/> (never back) and forgets a head failure behind it.</summary>
    public async Task AdvanceAsync(long sequence, CancellationToken cancellationToken)
    {
        using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await AdvanceAsync(connection, transaction: null, sequence, cancellationToken);
    }

    /// <summary>
    /// Records one more failed attempt on the row at <paramref name="failedSequence"/> (after advancing to
    /// <paramref name="handledUpTo"/>, if any) and returns how many attempts on that row have failed so far.
    /// </summary>
    public async Task<int> RecordFailureAsync(long? handledUpTo, long failedSequence, string error, CancellationToken cancellationToken)
    {
        using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (handledUpTo is { } sequence)
        {
            await AdvanceAsync(connection, transaction, sequence, cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE relay_state
            SET head_attempts = CASE WHEN head_sequence = $failed THEN head_attempts + 1 ELSE 1 END,
                head_sequence = $failed,
                head_error = $error
            WHERE relay = $relay
            RETURNING head_attempts;
            """;
        command.Parameters.AddWithValue("$failed", failedSequence);
        command.Parameters.AddWithValue("$error", error);
        command.Parameters.AddWithValue("$relay", Relay);
        var attempts = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return attempts;
    }

    /// <summary>Moves a row that kept failing to the dead-letter table and the checkpoint past it, in one transaction.</summary>
    public async Task GiveUpAsync(FeedEntry entry, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await DeadLetterRows.InsertAsync(connection, transaction, entry, reason, clock.GetUtcNow(), cancellationToken);
        await AdvanceAsync(connection, transaction, OutboxPositions.Parse(entry.Position), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes rows that are both handled (at or behind the checkpoint) and past their expiry; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM outbox
            WHERE sequence <= (SELECT checkpoint FROM relay_state WHERE relay = $relay) AND expires_at <= $now;
            """;
        command.Parameters.AddWithValue("$relay", Relay);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeSeconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ReadCheckpointAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT checkpoint FROM relay_state WHERE relay = $relay;";
        command.Parameters.AddWithValue("$relay", Relay);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task AdvanceAsync(SqliteConnection connection, SqliteTransaction? transaction, long sequence, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE relay_state
            SET checkpoint = MAX(checkpoint, $sequence),
                head_sequence = CASE WHEN head_sequence <= $sequence THEN NULL ELSE head_sequence END,
                head_attempts = CASE WHEN head_sequence <= $sequence THEN 0 ELSE head_attempts END,
                head_error = CASE WHEN head_sequence <= $sequence THEN NULL ELSE head_error END
            WHERE relay = $relay;
            """;
        command.Parameters.AddWithValue("$sequence", sequence);
        command.Parameters.AddWithValue("$relay", Relay);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
