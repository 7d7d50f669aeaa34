using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.RemoveItems;

/// <param name="Quantity">Units to remove; null removes the whole line.</param>
/// <param name="ExpectedVersion">The caller's If-Match version; null lets the server retry a lost race.</param>
public sealed record RemoveItemsCommand(Guid CartId, string? Sku, int? Quantity, long? ExpectedVersion, string CorrelationId)
    : ICommand<Result<CartView>>;
