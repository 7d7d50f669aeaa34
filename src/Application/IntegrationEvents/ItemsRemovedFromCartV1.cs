namespace ShoppingCart.Application.IntegrationEvents;

public sealed record ItemsRemovedFromCartV1(string CartId, IReadOnlyList<CartLineChangeV1> Items);
