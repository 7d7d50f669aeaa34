using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.CreateCart;

public sealed record CreateCartCommand(string? CustomerId, IReadOnlyList<CartItemInput>? Items, string CorrelationId)
    : ICommand<Result<CartView>>;
