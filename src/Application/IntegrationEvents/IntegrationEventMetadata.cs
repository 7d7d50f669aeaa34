namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>The <c>metadata</c> block of every integration event: consumers dedupe on EventId and order per cart on CartVersion.</summary>
public sealed record IntegrationEventMetadata(
    string EventId,
    string EventType,
    int SchemaVersion,
    DateTimeOffset OccurredAt,
    string CartId,
    long CartVersion,
    string CorrelationId);
