namespace ShoppingCart.Domain.Carts;

/// <summary>The limits a real shop puts on a cart.</summary>
public static class CartLimits
{
    /// <summary>Largest quantity one requested line may add or remove.</summary>
    public const int MaxRequestedQuantity = 999;

    /// <summary>Largest quantity a cart line may hold after merging.</summary>
    public const int MaxLineQuantity = 9_999;

    /// <summary>Largest number of distinct skus in a cart.</summary>
    public const int MaxLines = 100;
}
