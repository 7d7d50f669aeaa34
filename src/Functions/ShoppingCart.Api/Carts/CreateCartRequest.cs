using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.CreateCart;

namespace ShoppingCart.Api.Carts;

/// <summary>Body of <c>POST /carts</c>: the owner and, optionally, the first items.</summary>
public sealed record CreateCartRequest(string? CustomerId, IReadOnlyList<CartItemInput>? Items = null)
{
    public CreateCartCommand ToCommand(string correlationId) => new(CustomerId, Items, correlationId);
}
