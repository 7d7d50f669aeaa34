using System.Threading.Channels;

namespace ShoppingCart.Infrastructure.Embedded.Relay;

/// <summary>
/// The in-process "new outbox rows" signal: the store pulses it after each commit and the relay wakes at once instead
/// of waiting for its polling interval. Pulses are sticky and coalesce: one that arrives while the relay is busy is kept,
/// so the relay looks again right after its pass; many pulses before it looks count as one.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _pulses = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Pulse() => _pulses.Writer.TryWrite(true);

    /// <summary>Waits for a pulse or until <paramref name="timeout"/> passes on <paramref name="clock"/>; true when pulsed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _pulses.Reader.ReadAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
