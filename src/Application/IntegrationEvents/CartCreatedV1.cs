namespace ShoppingCart.Application.IntegrationEvents;

public sealed record CartCreatedV1(string CartId, string CustomerId, IReadOnlyList<CartLineV1> Items);
