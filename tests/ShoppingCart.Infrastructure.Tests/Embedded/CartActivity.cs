using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>Commits real cart changes (and so real outbox rows) through a store with the application's writer.</summary>
public sealed class CartActivity(ICartStore store)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly CartWriter _writer = new(store);

    /// <summary>Creates a cart (version 1); returns its id.</summary>
    public async Task<string> CreateAsync()
    {
        var cart = Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], Now).Value;
        Assert.True(await _writer.TryCreateAsync(cart, "corr", CancellationToken.None));
        return cart.Id.ToString();
    }

    /// <summary>Adds one unit to the cart: one more version and one more event.</summary>
    public async Task AddAsync(string cartId, string sku = "SKU-1")
    {
        var cart = (await store.LoadAsync(CartId.Parse(cartId), CancellationToken.None))!;
        Assert.True(cart.AddItems([new SkuQuantity(Sku.FromTrusted(sku), 1)], Now).IsSuccess);
        Assert.True(await _writer.TrySaveChangesAsync(cart, "corr", CancellationToken.None));
    }
}
