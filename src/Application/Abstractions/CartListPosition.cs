using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Abstractions;

/// <summary>
/// Where a listing of one customer's carts stopped: the last cart returned. Carts are listed most recently updated
/// first, ties broken by cart id (descending), so (updatedAt, cartId) names one place in that order.
/// </summary>
public readonly record struct CartListPosition(DateTimeOffset UpdatedAt, CartId CartId)
{
    public static CartListPosition Of(Cart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return new(cart.UpdatedAt, cart.Id);
    }
}
