namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// What the client learns from a successful command: the cart, the version the command committed, and when the
/// response arrived (UTC; the commit happened before it, so it is a late bound on the commit time).
/// </summary>
internal readonly record struct CartAck(string CartId, long Version, DateTimeOffset ReceivedAt);
