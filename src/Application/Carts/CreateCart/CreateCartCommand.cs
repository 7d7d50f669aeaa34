using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.CreateCart;

/// <param name="IdempotencyKey">The client's <c>Idempotency-Key</c>: a retry with the same key answers the same cart.</param>
public sealed record CreateCartCommand(string? CustomerId, IReadOnlyList<CartItemInput>? Items, string CorrelationId, string? IdempotencyKey = null)
    : ICommand<Result<CartView>>;
