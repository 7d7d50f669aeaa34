using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.CheckoutCart;

/// <param name="ExpectedVersion">The caller's If-Match version; null lets the server retry a lost race.</param>
public sealed record CheckoutCartCommand(Guid CartId, long? ExpectedVersion, string CorrelationId) : ICommand<Result<CartView>>;
