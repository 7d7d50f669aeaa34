namespace ShoppingCart.Application.IntegrationEvents;

public sealed record CartCheckedOutV1(string CartId, string CustomerId, IReadOnlyList<CartLineV1> Items, int TotalQuantity);
