using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// The one place that decides whose cart a caller may see: a cart that belongs to another customer loads as null,
/// exactly like a cart that does not exist, so its answer (404 <c>cart.not_found</c>) leaks nothing about it.
/// </summary>
public static class OwnedCarts
{
    public static async Task<Cart?> LoadOwnedAsync(this ICartStore store, CartId id, CustomerId owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cart = await store.LoadAsync(id, cancellationToken);
        return cart is not null && cart.CustomerId == owner ? cart : null;
    }
}
