using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>
/// Lets a set number of records through to the real bus, then, in the middle of a wave, publishes the part of the wave
/// that fits and hangs until the relay is stopped: a shutdown after some events reached the bus but before the relay
/// could record it.
/// </summary>
public sealed class StopPointPublisher(IEventPublisher inner, int recordsBeforeStop) : IEventPublisher
{
    private int _left = recordsBeforeStop;
    private volatile bool _stopped;

    public bool Stopped => _stopped;

    public async Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count <= _left)
        {
            _left -= records.Count;
            return await inner.PublishAsync(records, cancellationToken);
        }

        if (_left > 0)
        {
            await inner.PublishAsync([.. records.Take(_left)], cancellationToken);
            _left = 0;
        }

        _stopped = true;
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("Unreachable: the delay above ends only by cancellation.");
    }
}
