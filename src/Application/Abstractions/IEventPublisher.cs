using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Abstractions;

/// <summary>Puts integration events on a bus (EventBridge on AWS, the local event bus on a laptop).</summary>
public interface IEventPublisher
{
    /// <summary>
    /// Publishes each record once (an adapter may retry retryable failures itself, within a time budget) and
    /// returns one outcome per record, in the same order. Never throws for a per-entry failure.
    /// </summary>
    Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken);
}
