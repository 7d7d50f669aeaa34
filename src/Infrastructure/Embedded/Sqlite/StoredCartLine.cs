namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>A cart line as stored in the <c>carts.lines</c> JSON column.</summary>
internal sealed record StoredCartLine(string Sku, int Quantity);
