using Mediator;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.GetCart;

public sealed class GetCartHandler(CartReader reader) : IQueryHandler<GetCartQuery, Result<CartView>>
{
    public async ValueTask<Result<CartView>> Handle(GetCartQuery query, CancellationToken cancellationToken)
    {
        var cart = await reader.LoadAsync(new CartId(query.CartId), query.Owner, cancellationToken);
        return cart.IsSuccess ? CartView.From(cart.Value) : cart.Error;
    }
}
