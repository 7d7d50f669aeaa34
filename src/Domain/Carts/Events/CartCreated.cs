namespace ShoppingCart.Domain.Carts.Events;

public sealed record CartCreated(
    CartId CartId,
    long CartVersion,
    DateTimeOffset OccurredAt,
    CustomerId CustomerId,
    IReadOnlyList<CartLine> Lines) : ICartEvent;
