using Mediator;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Carts.GetCart;

public sealed record GetCartQuery(Guid CartId) : IQuery<Result<CartView>>;
