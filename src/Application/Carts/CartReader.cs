using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// How every use case reads the cart it addresses, to answer it or to change it: the one place a missing cart
/// becomes <see cref="ErrorKind.NotFound"/>, so a check on who may see the cart belongs here too.
/// </summary>
public sealed class CartReader(ICartStore store)
{
    public const string NotFoundCode = "cart.not_found";

    public async Task<Result<Cart>> LoadAsync(CartId id, CancellationToken cancellationToken)
    {
        var cart = await store.LoadAsync(id, cancellationToken);
        return cart is null ? Error.NotFound(NotFoundCode, $"Cart {id} does not exist.") : Result<Cart>.Success(cart);
    }
}
