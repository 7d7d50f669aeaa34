using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Domain.Tests;

internal static class CartFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static readonly CustomerId Customer = CustomerId.Create("customer-1").Value;

    public static CartId NewId() => new(Guid.NewGuid());

    public static CartItem Item(string sku, int quantity) => new(Sku.Create(sku).Value, quantity);

    public static CartItem[] Items(params (string Sku, int Quantity)[] items) => [.. items.Select(i => Item(i.Sku, i.Quantity))];

    /// <summary>A valid new cart with the given items and its CartCreated event still pending.</summary>
    public static Cart Create(params (string Sku, int Quantity)[] items) => Cart.Create(NewId(), Customer, Items(items), Now).Value;

    /// <summary>A valid cart as if loaded from a store: no pending events.</summary>
    public static Cart Stored(params (string Sku, int Quantity)[] items)
    {
        var cart = Create(items);
        cart.MarkPersisted();
        return cart;
    }
}
