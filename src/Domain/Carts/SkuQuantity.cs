namespace ShoppingCart.Domain.Carts;

/// <summary>
/// A sku and a number of units: how many a request adds or removes, or what a line is about to hold. Unlike a
/// <see cref="CartLine"/>, it is not (yet) in the cart.
/// </summary>
public readonly record struct SkuQuantity(Sku Sku, int Quantity);
