using System.Globalization;
using Microsoft.Data.Sqlite;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Benchmarks.Limit;

/// <summary>
/// The least a cart command must write, and nothing else: in one <c>BEGIN IMMEDIATE</c> transaction, update one cart
/// row on its expected version and insert one outbox row. The connection comes from the embedded store's own
/// <see cref="SqliteDatabase"/> (same file settings, same per-connection PRAGMAs, same schema), is kept open, and its
/// two statements are reused, so what is left is what SQLite itself costs at this durability.
/// </summary>
internal sealed class BareCartWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _insert;
    private long _version;

    private BareCartWriter(SqliteConnection connection, CartId cartId, long version, string payload)
    {
        _connection = connection;
        _version = version;
        var id = cartId.ToString();
        var lines = """[{"sku":"SKU-APPLE","quantity":3},{"sku":"SKU-BREAD","quantity":1},{"sku":"SKU-CHEESE","quantity":3}]""";

        // The same statements as the store's SaveAsync for an existing cart with one event.
        _update = connection.CreateCommand();
        _update.CommandText = """
            UPDATE carts SET status = $status, lines = $lines, version = $version, updated_at = $updated
            WHERE cart_id = $id AND version = $expected;
            """;
        _update.Parameters.AddWithValue("$id", id);
        _update.Parameters.AddWithValue("$status", nameof(CartStatus.Open));
        _update.Parameters.AddWithValue("$lines", lines);
        _update.Parameters.Add("$version", SqliteType.Integer);
        _update.Parameters.Add("$expected", SqliteType.Integer);
        _update.Parameters.Add("$updated", SqliteType.Text);

        _insert = connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO outbox (cart_id, cart_version, event_index, event_id, event_type, schema_version, occurred_at, correlation_id, payload, expires_at)
            VALUES ($cart, $version, 0, $eventId, 'ItemsAddedToCart', 1, $occurred, 'bench-correlation', $payload, $expires);
            """;
        _insert.Parameters.AddWithValue("$cart", id);
        _insert.Parameters.AddWithValue("$payload", payload);
        _insert.Parameters.Add("$version", SqliteType.Integer);
        _insert.Parameters.Add("$eventId", SqliteType.Text);
        _insert.Parameters.Add("$occurred", SqliteType.Text);
        _insert.Parameters.Add("$expires", SqliteType.Integer);
    }

    /// <summary>A writer for a cart already stored at <paramref name="version"/>.</summary>
    public static async Task<BareCartWriter> OpenAsync(SqliteDatabase database, CartId cartId, long version, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var payload = SampleCarts.ItemsAddedRecord(cartId, version).Payload;
        return new BareCartWriter(connection, cartId, version, payload);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var stamp = now.ToString("O", CultureInfo.InvariantCulture);
        await using var transaction = _connection.BeginTransaction(deferred: false);
        _update.Transaction = transaction;
        _update.Parameters["$version"].Value = _version + 1;
        _update.Parameters["$expected"].Value = _version;
        _update.Parameters["$updated"].Value = stamp;
        if (await _update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"The cart row was not at version {_version}: another writer touched it.");
        }

        _insert.Transaction = transaction;
        _insert.Parameters["$version"].Value = _version + 1;
        _insert.Parameters["$eventId"].Value = Guid.CreateVersion7().ToString("D");
        _insert.Parameters["$occurred"].Value = stamp;
        _insert.Parameters["$expires"].Value = now.AddDays(2).ToUnixTimeSeconds();
        await _insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _version++;
    }

    public async ValueTask DisposeAsync()
    {
        await _update.DisposeAsync();
        await _insert.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
