namespace ShoppingCart.Benchmarks.WolverinePeer;

/// <summary>The event a cart command publishes through the outbox: what changed and the cart version it produced.</summary>
public sealed record CartChanged(Guid EventId, string EventType, string CartId, long CartVersion, DateTimeOffset OccurredAt, IReadOnlyList<CartLine> Items);

public sealed record CartLine(string Sku, int Quantity);
