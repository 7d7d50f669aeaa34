using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// How every use case reads the cart it addresses, to answer it or to change it: the one place a missing cart
/// becomes <see cref="ErrorKind.NotFound"/>, and the one place that decides whose cart a caller may see. A cart of
/// another customer is not found exactly like a cart that does not exist, so its answer leaks nothing about it.
/// </summary>
public sealed class CartReader(ICartStore store)
{
    public const string NotFoundCode = "cart.not_found";

    /// <param name="owner">The caller (the token's subject): only their carts exist for them.</param>
    public async Task<Result<Cart>> LoadAsync(CartId id, CustomerId owner, CancellationToken cancellationToken)
    {
        var cart = await store.LoadAsync(id, cancellationToken);
        return cart is null || cart.CustomerId != owner
            ? Error.NotFound(NotFoundCode, $"Cart {id} does not exist.")
            : Result<Cart>.Success(cart);
    }
}
