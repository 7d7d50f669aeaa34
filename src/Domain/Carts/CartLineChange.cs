namespace ShoppingCart.Domain.Carts;

/// <summary>What a behaviour did to one line: the units added or removed and the line's quantity afterwards (0 = gone).</summary>
public sealed record CartLineChange(Sku Sku, int Quantity, int LineQuantity);
