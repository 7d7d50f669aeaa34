namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>Units added to or removed from one line, and the line's quantity afterwards (0 = removed) (schema version 1).</summary>
public sealed record CartLineChangeV1(string Sku, int Quantity, int LineQuantity);
