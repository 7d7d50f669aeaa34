using Mediator;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.GetCart;

public sealed class GetCartHandler(ICartStore store) : IQueryHandler<GetCartQuery, Result<CartView>>
{
    public async ValueTask<Result<CartView>> Handle(GetCartQuery query, CancellationToken cancellationToken)
    {
        var id = new CartId(query.CartId);
        var cart = await store.LoadOwnedAsync(id, query.Owner, cancellationToken);
        return cart is null ? CartUpdater.CartNotFound(id) : CartView.From(cart);
    }
}
