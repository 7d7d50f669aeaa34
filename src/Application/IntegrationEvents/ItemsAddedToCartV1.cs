namespace ShoppingCart.Application.IntegrationEvents;

public sealed record ItemsAddedToCartV1(string CartId, IReadOnlyList<CartLineChangeV1> Items);
