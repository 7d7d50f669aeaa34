namespace ShoppingCart.Api.Tests.Support;

/// <summary>The cart JSON as a client reads it.</summary>
public sealed record CartBody(
    string CartId,
    string CustomerId,
    string Status,
    IReadOnlyList<CartLineBody> Items,
    int TotalQuantity,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record CartLineBody(string Sku, int Quantity);
