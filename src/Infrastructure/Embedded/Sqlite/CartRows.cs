using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>The statements that write one cart and its outbox rows, inside a transaction someone else owns.</summary>
internal static class CartRows
{
    /// <summary>Inserts a new cart or updates a stored one at its expected version; false when that condition fails.</summary>
    public static async Task<bool> WriteCartAsync(SqliteConnection connection, SqliteTransaction transaction, Cart cart, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = cart.PersistedVersion == 0
            ? """
              INSERT INTO carts (cart_id, customer_id, status, lines, version, created_at, updated_at)
              VALUES ($id, $customer, $status, $lines, $version, $created, $updated)
              ON CONFLICT (cart_id) DO NOTHING;
              """
            : """
              UPDATE carts SET status = $status, lines = $lines, version = $version, updated_at = $updated
              WHERE cart_id = $id AND version = $expected;
              """;
        command.Parameters.AddWithValue("$id", cart.Id.ToString());
        command.Parameters.AddWithValue("$customer", cart.CustomerId.Value);
        command.Parameters.AddWithValue("$status", cart.Status.ToString());
        command.Parameters.AddWithValue("$lines", JsonSerializer.Serialize([.. cart.Lines.Select(l => new StoredCartLine(l.Sku.Value, l.Quantity))], SqliteJsonContext.Default.ListStoredCartLine));
        command.Parameters.AddWithValue("$version", cart.Version);
        command.Parameters.AddWithValue("$expected", cart.PersistedVersion);
        command.Parameters.AddWithValue("$created", Timestamps.Format(cart.CreatedAt));
        command.Parameters.AddWithValue("$updated", Timestamps.Format(cart.UpdatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task InsertOutboxRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, OutboxRecord record, long expiresAt, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO outbox (cart_id, cart_version, event_index, event_id, event_type, schema_version, occurred_at, correlation_id, payload, expires_at)
            VALUES ($cart, $version, $index, $eventId, $type, $schema, $occurred, $correlation, $payload, $expires);
            """;
        command.Parameters.AddWithValue("$cart", record.CartId);
        command.Parameters.AddWithValue("$version", record.CartVersion);
        command.Parameters.AddWithValue("$index", record.EventIndex);
        command.Parameters.AddWithValue("$eventId", record.EventId);
        command.Parameters.AddWithValue("$type", record.EventType);
        command.Parameters.AddWithValue("$schema", record.SchemaVersion);
        command.Parameters.AddWithValue("$occurred", Timestamps.Format(record.OccurredAt));
        command.Parameters.AddWithValue("$correlation", record.CorrelationId);
        command.Parameters.AddWithValue("$payload", record.Payload);
        command.Parameters.AddWithValue("$expires", expiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
