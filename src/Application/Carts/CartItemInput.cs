namespace ShoppingCart.Application.Carts;

/// <summary>One requested line as a client sent it, before validation.</summary>
public sealed record CartItemInput(string? Sku, int Quantity);
