namespace ShoppingCart.Domain.Carts;

public enum CartStatus
{
    Open,
    CheckedOut,
}
