namespace ShoppingCart.Application.Outbox;

public enum EntryStatus
{
    Published,

    /// <summary>Can never be published; kept whole in the dead-letter queue, no longer blocking the feed.</summary>
    DeadLettered,

    /// <summary>Not published yet: must be retried from this position.</summary>
    Failed,
}
