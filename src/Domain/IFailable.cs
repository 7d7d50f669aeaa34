namespace ShoppingCart.Domain;

/// <summary>A result type that can be built from an <see cref="Error"/>; lets generic pipeline code fail any use case.</summary>
#pragma warning disable CA1000
public interface IFailable<TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf Failure(Error error);
}
#pragma warning restore CA1000
