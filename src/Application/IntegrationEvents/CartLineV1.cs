namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>A cart line in event data (schema version 1).</summary>
public sealed record CartLineV1(string Sku, int Quantity);
