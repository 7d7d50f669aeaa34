namespace ShoppingCart.Benchmarks.Service;

/// <summary>An event line as the tail saw it: when the line appeared in the log, and the event's own occurredAt.</summary>
internal readonly record struct PublishedEvent(DateTimeOffset SeenAt, DateTimeOffset OccurredAt, long Line);
