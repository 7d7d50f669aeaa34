namespace ShoppingCart.Domain.Carts;

/// <summary>A requested change to one line: a sku and how many units to add or remove.</summary>
public readonly record struct CartItem(Sku Sku, int Quantity);
