using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JasperFx.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using ShoppingCart.Benchmarks.WolverinePeer;
using Wolverine.Tracking;

namespace ShoppingCart.Benchmarks.WolverinePeer.Tests;

/// <summary>
/// The peer in process on a real SQLite file: a command changes the cart row, its envelope goes through Wolverine's
/// SQLite store, and the durable local queue's handler appends the event line. Wolverine's tracked session waits for
/// the handler, so nothing here sleeps.
/// </summary>
public sealed class PeerAppTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wolverine-peer-").FullName;

    private string DatabasePath => Path.Combine(_folder, "carts.db");

    private string EventLogPath => Path.Combine(_folder, "events.jsonl");

    [Fact]
    public async Task Add_items_updates_the_cart_row_and_the_handler_appends_the_event_in_the_same_file_store()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting(PeerSettings.DatabasePath, DatabasePath);
            web.UseSetting(PeerSettings.EventLogPath, EventLogPath);
        });
        using var client = factory.CreateClient();
        var host = factory.Services.GetRequiredService<IHost>();

        var cartId = "";
        await host.TrackActivity().Timeout(60.Seconds()).ExecuteAndWaitAsync(CreateCartAsync);
        var session = await host.TrackActivity().Timeout(60.Seconds()).ExecuteAndWaitAsync(AddItemsAsync);

        var handled = session.Executed.SingleMessage<CartChanged>();
        Assert.Equal((cartId, 2L, "ItemsAdded"), (handled.CartId, handled.CartVersion, handled.EventType));

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(connection, $"SELECT version FROM carts WHERE cart_id = '{cartId}';"));
        Assert.Contains("SKU-BREAD", (string)Scalar(connection, $"SELECT lines FROM carts WHERE cart_id = '{cartId}';")!, StringComparison.Ordinal);
        // The envelopes went through Wolverine's SQLite inbox in the carts' file (kept as handled for idempotency).
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM wolverine_incoming_envelopes WHERE message_type LIKE '%CartChanged';"));

        var lines = File.ReadAllLines(EventLogPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("detail").GetProperty("metadata")).ToList();
        Assert.Equal([(cartId, 1L), (cartId, 2L)], lines.Select(m => (m.GetProperty("cartId").GetString()!, m.GetProperty("cartVersion").GetInt64())));

        async Task CreateCartAsync(IMessageContext _)
        {
            using var created = await client.PostAsJsonAsync("/carts", new { customerId = "c-1", items = new[] { new { sku = "SKU-APPLE", quantity = 1 } } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            cartId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString()!;
        }

        async Task AddItemsAsync(IMessageContext _)
        {
            using var added = await client.PostAsJsonAsync($"/carts/{cartId}/items", new { items = new[] { new { sku = "SKU-BREAD", quantity = 2 } } });
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Equal(2, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
