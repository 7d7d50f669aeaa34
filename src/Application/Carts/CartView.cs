using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>A cart as use cases return it (and the API serializes it).</summary>
public sealed record CartView(
    string CartId,
    string CustomerId,
    string Status,
    IReadOnlyList<CartLineView> Items,
    int TotalQuantity,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CartView From(Cart cart) => new(
        cart.Id.ToString(),
        cart.CustomerId.Value,
        cart.Status.ToString(),
        [.. cart.Lines.Select(l => new CartLineView(l.Sku.Value, l.Quantity))],
        cart.Lines.Sum(l => l.Quantity),
        cart.Version,
        cart.CreatedAt,
        cart.UpdatedAt);
}
