using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.CreateCart;

/// <param name="Owner">The caller (the token's subject): the new cart's customer.</param>
/// <param name="CustomerId">The body's customerId, kept for existing clients: absent, or the caller's own.</param>
/// <param name="IdempotencyKey">The client's <c>Idempotency-Key</c>: a retry with the same key answers the same cart.</param>
public sealed record CreateCartCommand(
    Domain.Carts.CustomerId Owner, string? CustomerId, IReadOnlyList<CartItemInput>? Items, string CorrelationId, string? IdempotencyKey = null)
    : ICommand<Result<CartView>>;
