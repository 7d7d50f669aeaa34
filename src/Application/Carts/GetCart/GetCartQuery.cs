using Mediator;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.GetCart;

/// <param name="Owner">The caller (the token's subject); another customer's cart is not found.</param>
public sealed record GetCartQuery(Guid CartId, CustomerId Owner) : IQuery<Result<CartView>>;
