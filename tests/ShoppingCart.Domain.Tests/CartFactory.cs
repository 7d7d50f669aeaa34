using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Domain.Tests;

internal static class CartFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Later = Now.AddMinutes(5);

    public static readonly CustomerId Customer = CustomerId.Create("customer-1").Value;

    public static CartId NewId() => new(Guid.NewGuid());

    public static SkuQuantity Item(string sku, int quantity) => new(Sku.Create(sku).Value, quantity);

    public static CartLine Line(string sku, int quantity) => new(Sku.Create(sku).Value, quantity);

    public static SkuQuantity[] Items(params (string Sku, int Quantity)[] items) => [.. items.Select(i => Item(i.Sku, i.Quantity))];

    /// <summary>A valid new cart with the given items and its CartCreated event still pending.</summary>
    public static Cart Create(params (string Sku, int Quantity)[] items) => Cart.Create(NewId(), Customer, Items(items), Now).Value;

    /// <summary>A valid cart as if loaded from a store: version 1, no pending events.</summary>
    public static Cart Stored(params (string Sku, int Quantity)[] items)
    {
        var cart = Create(items);
        cart.MarkPersisted();
        return cart;
    }

    /// <summary>A stored cart with any line quantities (even above what one request may add), at version 7.</summary>
    public static Cart Rehydrated(params (string Sku, int Quantity)[] lines) =>
        Cart.Rehydrate(NewId(), Customer, CartStatus.Open, lines.Select(l => Line(l.Sku, l.Quantity)), 7, Now, Now);

    /// <summary>A checked-out cart as if loaded from a store.</summary>
    public static Cart CheckedOut()
    {
        var cart = Stored(("A-1", 1));
        Assert.True(cart.CheckOut(Now).IsSuccess);
        cart.MarkPersisted();
        return cart;
    }
}
