namespace ShoppingCart.Domain.Carts;

/// <summary>One line of a cart: a sku and the quantity held.</summary>
public sealed record CartLine(Sku Sku, int Quantity);
