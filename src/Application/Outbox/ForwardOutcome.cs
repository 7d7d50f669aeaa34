namespace ShoppingCart.Application.Outbox;

public sealed record ForwardOutcome(FeedEntry Entry, ForwardStatus Status, string? Error = null);
