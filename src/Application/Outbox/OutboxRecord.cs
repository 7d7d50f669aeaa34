namespace ShoppingCart.Application.Outbox;

/// <summary>
/// One integration event waiting in the outbox: written in the same transaction as the cart change that caused it.
/// The same fields are stored by every adapter (a DynamoDB item, a SQLite row).
/// </summary>
/// <param name="EventId">Deterministic from cart id, version and index, so every retry publishes the same id.</param>
/// <param name="EventType">The EventBridge detail-type, e.g. <c>CartCreated</c>.</param>
/// <param name="SchemaVersion">Version of the event's <c>data</c> contract.</param>
/// <param name="OccurredAt">When the cart change happened (UTC).</param>
/// <param name="CartId">The cart; the outbox partition key, so one cart's events keep their order.</param>
/// <param name="CartVersion">The cart version this event produced; with <paramref name="EventIndex"/> the outbox sort key.</param>
/// <param name="EventIndex">Position among events that share a cart version (0 for the first).</param>
/// <param name="CorrelationId">The id of the request that caused the change.</param>
/// <param name="Payload">The integration event JSON (metadata + data): published as the EventBridge detail, unchanged.</param>
public sealed record OutboxRecord(
    string EventId,
    string EventType,
    int SchemaVersion,
    DateTimeOffset OccurredAt,
    string CartId,
    long CartVersion,
    int EventIndex,
    string CorrelationId,
    string Payload);
