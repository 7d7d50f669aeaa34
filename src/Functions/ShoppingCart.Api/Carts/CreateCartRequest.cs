using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.CreateCart;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Carts;

/// <summary>
/// Body of <c>POST /carts</c>: optionally the first items. The owner is the caller; <c>customerId</c> is still accepted
/// from existing clients, but only the caller's own.
/// </summary>
public sealed record CreateCartRequest(string? CustomerId = null, IReadOnlyList<CartItemInput>? Items = null)
{
    public CreateCartCommand ToCommand(CustomerId owner, string correlationId, string? idempotencyKey) => new(owner, CustomerId, Items, correlationId, idempotencyKey);
}
