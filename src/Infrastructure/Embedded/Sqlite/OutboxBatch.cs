using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>Outbox rows read after the relay's checkpoint, in sequence order.</summary>
public sealed record OutboxBatch(long Checkpoint, IReadOnlyList<FeedEntry> Entries);
