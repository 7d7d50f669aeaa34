namespace ShoppingCart.Application.Outbox;

public sealed record EntryOutcome(OutboxEntry Entry, EntryStatus Status, string? Error = null);
