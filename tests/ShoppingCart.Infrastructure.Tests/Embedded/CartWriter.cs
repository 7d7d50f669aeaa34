using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>Commits real cart changes (and so real outbox rows) through a store, as the application would.</summary>
public sealed class CartWriter(ICartStore store)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a cart (version 1); returns its id.</summary>
    public async Task<string> CreateAsync()
    {
        var cart = Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [new CartItem(Sku.FromTrusted("SKU-1"), 1)], Now).Value;
        await SaveAsync(cart);
        return cart.Id.ToString();
    }

    /// <summary>Adds one unit to the cart: one more version and one more event.</summary>
    public async Task AddAsync(string cartId, string sku = "SKU-1")
    {
        var cart = (await store.LoadAsync(CartId.Parse(cartId), CancellationToken.None))!;
        Assert.True(cart.AddItems([new CartItem(Sku.FromTrusted(sku), 1)], Now).IsSuccess);
        await SaveAsync(cart);
    }

    private async Task SaveAsync(Cart cart)
    {
        var outcome = await store.SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, outcome);
        cart.MarkPersisted();
    }
}
