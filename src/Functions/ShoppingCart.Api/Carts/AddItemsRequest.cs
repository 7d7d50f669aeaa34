using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.AddItems;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Carts;

/// <summary>Body of <c>POST /carts/{cartId}/items</c>: the items to add; quantities of skus already in the cart are summed.</summary>
public sealed record AddItemsRequest(IReadOnlyList<CartItemInput>? Items)
{
    public AddItemsCommand ToCommand(Guid cartId, CustomerId owner, long? expectedVersion, string correlationId) => new(cartId, owner, Items, expectedVersion, correlationId);
}
