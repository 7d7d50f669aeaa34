using System.Collections.Concurrent;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

public sealed class ConcurrentWritersTests : IDisposable
{
    private const int Writers = 32;
    private const int ChangesPerWriter = 3;
    private readonly EmbeddedTestDatabase _database = new();

    [Fact]
    public async Task Thirty_two_concurrent_writers_on_one_cart_lose_no_update()
    {
        // Two stores over the same file, as two processes would be: their connections compete for SQLite's write lock.
        using var otherDatabase = new SqliteDatabase(_database.Options);
        var otherStore = new SqliteCartStore(otherDatabase, _database.Signal, _database.Clock, _database.Options);
        var cartId = new CartId(Guid.NewGuid());
        var created = Cart.Create(cartId, CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-0"), 1)], _database.Clock.GetUtcNow()).Value;
        Assert.True(await new CartWriter(_database.Store).TryCreateAsync(created, "create", CancellationToken.None));

        // Each "process" has its own turns: within one, commands queue; across the two, the version condition decides.
        CartTurns[] turns = [new(), new()];
        var accepted = new ConcurrentBag<(string Sku, int Quantity)>();
        var refused = new ConcurrentBag<Error>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var store = writer % 2 == 0 ? _database.Store : otherStore;
            var updater = new CartUpdater(new CartReader(store), new CartWriter(store), _database.Clock, turns[writer % 2]);
            await start.Task;
            for (var change = 0; change < ChangesPerWriter; change++)
            {
                var item = new SkuQuantity(Sku.FromTrusted($"SKU-{(writer + change) % 4}"), 1 + ((writer * ChangesPerWriter) + change) % 5);
                var result = await updater.UpdateAsync(cartId.Value, created.CustomerId, null, $"writer-{writer}", (cart, now) => cart.AddItems([item], now), CancellationToken.None);
                if (result.IsSuccess)
                {
                    accepted.Add((item.Sku.Value, item.Quantity));
                }
                else
                {
                    refused.Add(result.Error);
                }
            }
        })).ToList();

        start.SetResult();
        await Task.WhenAll(writers);

        Assert.All(refused, error => Assert.Equal(ErrorKind.Contention, error.Kind));
        Assert.Equal(Writers * ChangesPerWriter, accepted.Count + refused.Count);
        var stored = (await _database.Store.LoadAsync(cartId, CancellationToken.None))!;
        Assert.Equal(1 + accepted.Count, stored.Version);
        for (var sku = 0; sku < 4; sku++)
        {
            var name = $"SKU-{sku}";
            var expected = (sku == 0 ? 1 : 0) + accepted.Where(a => a.Sku == name).Sum(a => a.Quantity);
            Assert.Equal(expected, stored.QuantityOf(Sku.FromTrusted(name)));
        }

        var outbox = await _database.ReadOutboxAsync(cartId.ToString());
        Assert.Equal(Enumerable.Range(1, (int)stored.Version).Select(v => (long)v), outbox.Select(r => r.CartVersion));
    }

    [Fact]
    public async Task Forty_eight_commands_on_one_cart_in_one_process_all_succeed_one_version_after_another()
    {
        var turns = new CartTurns();
        var cartId = new CartId(Guid.NewGuid());
        var created = Cart.Create(cartId, CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-0"), 1)], _database.Clock.GetUtcNow()).Value;
        Assert.True(await new CartWriter(_database.Store).TryCreateAsync(created, "create", CancellationToken.None));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var results = Enumerable.Range(0, 48).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            var item = new SkuQuantity(Sku.FromTrusted("SKU-1"), 1);
            return await new CartUpdater(new CartReader(_database.Store), new CartWriter(_database.Store), _database.Clock, turns)
                .UpdateAsync(cartId.Value, created.CustomerId, null, $"writer-{writer}", (cart, now) => cart.AddItems([item], now), CancellationToken.None);
        })).ToList();
        start.SetResult();

        Assert.All(await Task.WhenAll(results), result => Assert.True(result.IsSuccess));
        var stored = (await _database.Store.LoadAsync(cartId, CancellationToken.None))!;
        Assert.Equal(48, stored.QuantityOf(Sku.FromTrusted("SKU-1")));
        var outbox = await _database.ReadOutboxAsync(cartId.ToString());
        Assert.Equal(Enumerable.Range(1, 49).Select(v => (long)v), outbox.Select(r => r.CartVersion));
    }

    public void Dispose() => _database.Dispose();
}
