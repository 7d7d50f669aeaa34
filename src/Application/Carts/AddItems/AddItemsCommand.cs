using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.AddItems;

/// <param name="ExpectedVersion">The caller's If-Match version; null lets the server retry a lost race.</param>
public sealed record AddItemsCommand(Guid CartId, IReadOnlyList<CartItemInput>? Items, long? ExpectedVersion, string CorrelationId)
    : ICommand<Result<CartView>>;
