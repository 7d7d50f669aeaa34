using Mediator;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.RemoveItems;

/// <param name="Owner">The caller (the token's subject); only their own carts exist for them.</param>
/// <param name="Quantity">Units to remove; null removes the whole line.</param>
/// <param name="ExpectedVersion">The caller's If-Match version; null lets the server retry a lost race.</param>
public sealed record RemoveItemsCommand(Guid CartId, CustomerId Owner, string? Sku, int? Quantity, long? ExpectedVersion, string CorrelationId)
    : ICommand<Result<CartView>>;
