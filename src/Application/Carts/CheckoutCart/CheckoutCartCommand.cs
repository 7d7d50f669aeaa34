using Mediator;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.CheckoutCart;

/// <param name="Owner">The caller (the token's subject); only their own carts exist for them.</param>
/// <param name="ExpectedVersion">The caller's If-Match version; null lets the server retry a lost race.</param>
public sealed record CheckoutCartCommand(Guid CartId, CustomerId Owner, long? ExpectedVersion, string CorrelationId) : ICommand<Result<CartView>>;
