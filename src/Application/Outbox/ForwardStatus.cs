namespace ShoppingCart.Application.Outbox;

/// <summary>
/// What forwarding did with one feed entry. It follows from the publisher's <see cref="Abstractions.PublishStatus"/>:
/// Published stays Published, PermanentFailure becomes DeadLettered (once the dead-letter queue has the entry), and
/// RetryableFailure — or a dead-letter write that failed — becomes RetryLater.
/// </summary>
public enum ForwardStatus
{
    Published,

    /// <summary>Can never be published; kept whole in the dead-letter queue, no longer blocking the feed.</summary>
    DeadLettered,

    /// <summary>Not published yet: the feed must deliver it again from this position.</summary>
    RetryLater,
}
