namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>The PutEvents request body: at most 10 entries, at most 256 KB of entries as AWS counts them.</summary>
public sealed record PutEventsRequest(IReadOnlyList<PutEventsRequestEntry> Entries);
