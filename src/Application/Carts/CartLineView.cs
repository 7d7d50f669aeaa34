namespace ShoppingCart.Application.Carts;

public sealed record CartLineView(string Sku, int Quantity);
