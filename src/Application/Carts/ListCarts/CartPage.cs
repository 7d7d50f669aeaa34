namespace ShoppingCart.Application.Carts.ListCarts;

/// <summary>One page of a customer's carts, most recently updated first.</summary>
/// <param name="NextCursor">Opaque; pass it back for the next page. Null on the last page.</param>
public sealed record CartPage(IReadOnlyList<CartView> Items, string? NextCursor);
