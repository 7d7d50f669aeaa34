namespace ShoppingCart.Infrastructure;

/// <summary>
/// Capped exponential backoff with "equal jitter", the one retry schedule of both relays (the embedded outbox relay and
/// the EventBridge publisher): the ceiling doubles per retry up to the cap, and the delay is drawn between half the
/// ceiling and the ceiling. The fixed half guarantees every retry really backs off; the random half keeps concurrent
/// forwarders (or restarts) from retrying in step.
/// </summary>
public sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    /// <param name="retry">1 for the first retry.</param>
    public TimeSpan DelayBefore(int retry)
    {
        var ceiling = Ceiling(retry);
        return ceiling / 2 + ceiling / 2 * random.NextDouble();
    }

    /// <summary>The longest delay before the given retry.</summary>
    public TimeSpan Ceiling(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var uncapped = baseDelay.Ticks * Math.Pow(2, retry - 1);
        return uncapped >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)uncapped);
    }
}
