using Mediator;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.ListCarts;

/// <param name="Owner">The caller (the token's subject): only their carts are listed.</param>
/// <param name="Limit">Carts per page, 1 to <see cref="ListCartsValidator.MaxLimit"/>; null for <see cref="ListCartsValidator.DefaultLimit"/>.</param>
/// <param name="Cursor">The previous page's <see cref="CartPage.NextCursor"/>; null for the first page.</param>
public sealed record ListCartsQuery(CustomerId Owner, int? Limit, string? Cursor) : IQuery<Result<CartPage>>;
