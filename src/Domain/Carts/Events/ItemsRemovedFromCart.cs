namespace ShoppingCart.Domain.Carts.Events;

public sealed record ItemsRemovedFromCart(
    CartId CartId,
    long CartVersion,
    DateTimeOffset OccurredAt,
    IReadOnlyList<CartLineChange> Changes) : ICartEvent;
