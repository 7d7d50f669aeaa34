using Mediator;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.ListCarts;

public sealed class ListCartsHandler(ICartStore store) : IQueryHandler<ListCartsQuery, Result<CartPage>>
{
    public async ValueTask<Result<CartPage>> Handle(ListCartsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? ListCartsValidator.DefaultLimit;
        CartListPosition? after = CartListCursor.TryDecode(query.Cursor, out var position) ? position : null;

        // One more than the page: whether it comes back says if there is a next page, without an empty last page.
        var carts = await store.ListByCustomerAsync(query.Owner, after, limit + 1, cancellationToken);
        var page = carts.Take(limit).ToList();
        var next = carts.Count > limit ? CartListCursor.Encode(CartListPosition.Of(page[^1])) : null;
        return new CartPage([.. page.Select(CartView.From)], next);
    }
}
