namespace ShoppingCart.Application.Operations;

/// <summary>The outbox's status as read, with the age of its oldest unpublished event at the time of reading.</summary>
public sealed record OutboxStatusReport(OutboxStatus Status, TimeSpan? OldestUnpublishedAge);
