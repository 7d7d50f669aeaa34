using ShoppingCart.Application.Operations;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// Outbox rows still kept (published rows live for <c>OutboxRetention</c>), in sequence order, which is commit order and
/// so version order per cart. Only rows at or behind the relay's checkpoint are returned: the rest are the relay's to
/// publish, in order, and are only counted.
/// </summary>
public sealed class SqliteOutboxHistory(SqliteDatabase database) : IOutboxHistory
{
    private const string Checkpoint = "(SELECT checkpoint FROM relay_state WHERE relay = 'outbox')";

    public async Task<OutboxSelection> FindAsync(RepublishScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenForRelayAsync(cancellationToken);

        // One read transaction: the rows and the count of those left to the relay come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var filter = scope.CartId is not null
            ? "cart_id = $cart"
            : "occurred_at >= $since AND ($until IS NULL OR occurred_at < $until)";

        await using var rows = connection.CreateCommand();
        rows.Transaction = transaction;
        rows.CommandText = $"SELECT {OutboxRowReader.Columns} FROM outbox WHERE {filter} AND sequence <= {Checkpoint} ORDER BY sequence;";
        Bind(rows, scope);
        var entries = new List<FeedEntry>();
        await using (var reader = await rows.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(OutboxRowReader.Read(reader));
            }
        }

        await using var waiting = connection.CreateCommand();
        waiting.Transaction = transaction;
        waiting.CommandText = $"SELECT COUNT(*) FROM outbox WHERE {filter} AND sequence > {Checkpoint};";
        Bind(waiting, scope);
        var leftToRelay = Convert.ToInt32(await waiting.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return new OutboxSelection(entries, leftToRelay);
    }

    /// <summary>Instants compare as text: every stored one is written by <see cref="Timestamps.Format"/>, UTC with 7 decimals.</summary>
    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, RepublishScope scope)
    {
        command.Parameters.AddWithValue("$cart", (object?)scope.CartId ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", scope.Since is { } since ? Timestamps.Format(since) : DBNull.Value);
        command.Parameters.AddWithValue("$until", scope.Until is { } until ? Timestamps.Format(until) : DBNull.Value);
    }
}
