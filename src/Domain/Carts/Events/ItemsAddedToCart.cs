namespace ShoppingCart.Domain.Carts.Events;

public sealed record ItemsAddedToCart(
    CartId CartId,
    long CartVersion,
    DateTimeOffset OccurredAt,
    IReadOnlyList<CartLineChange> Changes) : ICartEvent;
