using Microsoft.Data.Sqlite;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Benchmarks.Drain;

/// <summary>
/// Writes a backlog of outbox rows straight into the embedded database, in one transaction, with the columns the cart
/// store writes. The rows are real ItemsAddedToCart events of <see cref="Carts"/> carts, interleaved the way many
/// active carts fill the outbox (each relay batch then holds one event per cart).
/// </summary>
internal static class OutboxBacklog
{
    public const int Carts = 1_000;

    /// <returns>The sequence number of the last row written.</returns>
    public static async Task<long> WriteAsync(SqliteDatabase database, int rows, CancellationToken cancellationToken)
    {
        var carts = Enumerable.Range(0, Math.Min(Carts, rows)).Select(_ => new CartId(Guid.CreateVersion7())).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO outbox (cart_id, cart_version, event_index, event_id, event_type, schema_version, occurred_at, correlation_id, payload, expires_at)
            VALUES ($cart, $version, $index, $eventId, $type, $schema, $occurred, $correlation, $payload, $expires)
            RETURNING sequence;
            """;
        var parameters = new[] { "$cart", "$version", "$index", "$eventId", "$type", "$schema", "$occurred", "$correlation", "$payload", "$expires" }
            .Select(name => insert.Parameters.Add(name, SqliteType.Text))
            .ToArray();
        var expires = DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds();
        long last = 0;
        for (var i = 0; i < rows; i++)
        {
            var record = SampleCarts.ItemsAddedRecord(carts[i % carts.Length], storedVersion: 1 + (i / carts.Length));
            object[] values =
            [
                record.CartId, record.CartVersion, record.EventIndex, record.EventId, record.EventType, record.SchemaVersion,
                record.OccurredAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), record.CorrelationId, record.Payload, expires,
            ];
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = values[p];
            }

            last = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        await transaction.CommitAsync(cancellationToken);
        return last;
    }
}
