using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.AddItems;

namespace ShoppingCart.Api.Carts;

/// <summary>Body of <c>POST /carts/{cartId}/items</c>: the items to add; quantities of skus already in the cart are summed.</summary>
public sealed record AddItemsRequest(IReadOnlyList<CartItemInput>? Items)
{
    public AddItemsCommand ToCommand(Guid cartId, long? expectedVersion, string correlationId) => new(cartId, Items, expectedVersion, correlationId);
}
