namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>What EventBridge says about one entry: an event id when accepted, an error code and message when not.</summary>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage);
