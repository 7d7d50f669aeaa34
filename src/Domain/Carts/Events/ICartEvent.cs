namespace ShoppingCart.Domain.Carts.Events;

/// <summary>A fact about a cart, raised by exactly one successful behaviour, stamped with the version it produced.</summary>
public interface ICartEvent
{
    CartId CartId { get; }

    long CartVersion { get; }

    DateTimeOffset OccurredAt { get; }
}
