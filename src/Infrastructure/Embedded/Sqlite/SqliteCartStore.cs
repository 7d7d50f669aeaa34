using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Relay;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// The embedded cart store: the cart row and its outbox rows are written in one SQLite transaction, only if the stored
/// version is still the one the cart was loaded at. After each commit the relay is woken.
/// </summary>
public sealed class SqliteCartStore(SqliteDatabase database, OutboxSignal signal, TimeProvider clock, IOptions<EmbeddedOptions> options) : ICartStore
{
    private readonly TimeSpan _retention = options.Value.OutboxRetention;

    public async Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {CartColumns} FROM carts WHERE cart_id = $id;";
        command.Parameters.AddWithValue("$id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? CartFrom(reader) : null;
    }

    /// <summary>A range of the <c>carts_by_customer</c> index (migration 3), read newest first.</summary>
    public async Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {CartColumns} FROM carts
            WHERE customer_id = $customer AND ($afterUpdated IS NULL OR (updated_at, cart_id) < ($afterUpdated, $afterId))
            ORDER BY updated_at DESC, cart_id DESC
            LIMIT $count;
            """;
        command.Parameters.AddWithValue("$customer", customer.Value);
        command.Parameters.AddWithValue("$afterUpdated", after is { } position ? Timestamps.Format(position.UpdatedAt) : DBNull.Value);
        command.Parameters.AddWithValue("$afterId", after is { } from ? from.CartId.ToString() : DBNull.Value);
        command.Parameters.AddWithValue("$count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var carts = new List<Cart>();
        while (await reader.ReadAsync(cancellationToken))
        {
            carts.Add(CartFrom(reader));
        }

        return carts;
    }

    public async Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(outbox);
        try
        {
            using var turn = await database.TakeWriteTurnAsync(cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);

            // BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout). A deferred transaction
            // would read first and then fail to upgrade to a writer with SQLITE_BUSY_SNAPSHOT, which no wait can fix.
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (!await WriteCartAsync(connection, transaction, cart, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return SaveOutcome.VersionConflict;
            }

            var expiresAt = clock.GetUtcNow().Add(_retention).ToUnixTimeSeconds();
            foreach (var record in outbox)
            {
                await InsertOutboxRowAsync(connection, transaction, record, expiresAt, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is SqliteException sqlite && SqliteFaults.IsTransient(sqlite)))
        {
            throw new TransientStoreException($"The cart store was busy; cart {cart.Id} was not saved.", exception);
        }

        signal.Pulse();
        return SaveOutcome.Saved;
    }

    private const string CartColumns = "cart_id, customer_id, status, lines, version, created_at, updated_at";

    private static Cart CartFrom(SqliteDataReader reader)
    {
        var lines = JsonSerializer.Deserialize(reader.GetString(3), SqliteJsonContext.Default.ListStoredCartLine) ?? [];
        return Cart.Rehydrate(
            CartId.Parse(reader.GetString(0)),
            CustomerId.FromTrusted(reader.GetString(1)),
            Enum.Parse<CartStatus>(reader.GetString(2)),
            lines.Select(l => new CartLine(Sku.FromTrusted(l.Sku), l.Quantity)),
            reader.GetInt64(4),
            Timestamps.Parse(reader.GetString(5)),
            Timestamps.Parse(reader.GetString(6)));
    }

    /// <summary>Inserts a new cart or updates a stored one at its expected version; false when that condition fails.</summary>
    private static async Task<bool> WriteCartAsync(SqliteConnection connection, SqliteTransaction transaction, Cart cart, CancellationToken cancellationToken)
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

    private static async Task InsertOutboxRowAsync(SqliteConnection connection, SqliteTransaction transaction, OutboxRecord record, long expiresAt, CancellationToken cancellationToken)
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
