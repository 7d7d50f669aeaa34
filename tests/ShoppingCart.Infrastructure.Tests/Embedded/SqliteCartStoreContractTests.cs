using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>The shared cart-store behaviour, on a real SQLite file per test.</summary>
public sealed class SqliteCartStoreContractTests : CartStoreContractTests, IDisposable
{
    private readonly EmbeddedTestDatabase _database = new();

    protected override ICartStore Store => _database.Store;

    protected override Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(CartId cartId) => _database.ReadOutboxAsync(cartId.ToString());

    public void Dispose() => _database.Dispose();
}
