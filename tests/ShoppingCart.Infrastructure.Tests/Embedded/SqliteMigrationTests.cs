using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly EmbeddedTestDatabase _database = new();

    [Fact]
    public async Task A_new_file_is_created_at_the_latest_schema_version_in_its_folder()
    {
        using var database = new EmbeddedTestDatabase(o => o.DatabasePath = Path.Combine(Path.GetDirectoryName(o.DatabasePath)!, "nested", ".data", "carts.db"));

        await using (await database.Database.OpenAsync(CancellationToken.None))
        {
        }

        Assert.True(File.Exists(database.Path));
        Assert.Equal((long)SqliteMigrations.LatestVersion, await database.ScalarAsync<long>("PRAGMA user_version;"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT checkpoint FROM relay_state WHERE relay = 'outbox';"));
    }

    [Fact]
    public async Task A_file_written_at_schema_version_1_opens_upgraded_with_its_carts_and_unpublished_events()
    {
        var cartId = Guid.NewGuid().ToString();
        using (var connection = _database.OpenRaw())
        {
            await SqliteMigrations.MigrateAsync(connection, targetVersion: 1, CancellationToken.None);
            await WriteAsVersion1Async(connection, cartId);
        }

        var cart = await _database.Store.LoadAsync(CartId.Parse(cartId), CancellationToken.None);

        Assert.NotNull(cart);
        Assert.Equal(1, cart.Version);
        Assert.Equal(2, cart.QuantityOf(Sku.FromTrusted("SKU-1")));
        Assert.Equal((long)SqliteMigrations.LatestVersion, await _database.ScalarAsync<long>("PRAGMA user_version;"));

        // The relay state added by version 2 starts before the old row, so the event written by the old build still goes out.
        await using var services = _database.BuildServices();
        var pass = await services.GetRequiredService<OutboxRelayPass>().RunAsync(CancellationToken.None);
        Assert.Equal(1, pass.Handled);
        var published = await EventLog.ReadAsync(_database.Settings.EventBus.EventLogPath);
        Assert.Equal(["event-from-v1"], published.Select(e => e.Id));
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused()
    {
        using (var connection = _database.OpenRaw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.Database.OpenAsync(CancellationToken.None));
        Assert.Contains("99", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_databases_opening_a_new_file_at_once_apply_each_migration_once()
    {
        using var other = new SqliteDatabase(_database.Options);

        var opened = await Task.WhenAll(_database.Database.OpenAsync(CancellationToken.None), other.OpenAsync(CancellationToken.None));
        foreach (var connection in opened)
        {
            await connection.DisposeAsync();
        }

        Assert.Equal(1L, await _database.CountAsync("relay_state"));
        Assert.Equal((long)SqliteMigrations.LatestVersion, await _database.ScalarAsync<long>("PRAGMA user_version;"));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>A cart and its unpublished outbox row, as the build that knew only schema version 1 wrote them.</summary>
    private static async Task WriteAsVersion1Async(SqliteConnection connection, string cartId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO carts (cart_id, customer_id, status, lines, version, created_at, updated_at)
            VALUES ($cart, 'customer-1', 'Open', '[{"sku":"SKU-1","quantity":2}]', 1, '2026-11-30T12:00:00.0000000+00:00', '2026-11-30T12:00:00.0000000+00:00');
            INSERT INTO outbox (cart_id, cart_version, event_index, event_id, event_type, schema_version, occurred_at, correlation_id, payload, expires_at)
            VALUES ($cart, 1, 0, 'event-from-v1', 'CartCreated', 1, '2026-11-30T12:00:00.0000000+00:00', 'corr', '{"metadata":{"eventId":"event-from-v1"},"data":{}}', 4102444800);
            """;
        command.Parameters.AddWithValue("$cart", cartId);
        await command.ExecuteNonQueryAsync();
    }
}
