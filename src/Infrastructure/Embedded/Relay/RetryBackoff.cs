namespace ShoppingCart.Infrastructure.Embedded.Relay;

/// <summary>
/// Capped exponential backoff with "equal jitter": attempt n waits between half and all of
/// min(max, initial × 2^(n-1)). The floor keeps retries really backing off; the random half keeps several relays
/// (or restarts) from retrying in step.
/// </summary>
public sealed class RetryBackoff(TimeSpan initial, TimeSpan max, Random random)
{
    public TimeSpan For(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
