namespace ShoppingCart.Infrastructure.Embedded;

/// <summary>How the outbox relay reads, retries and cleans up (section <c>ShoppingCart:Embedded:Relay</c>).</summary>
public sealed class OutboxRelayOptions
{
    /// <summary>Rows read and forwarded per pass (the twin of the event source mapping's BatchSize).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Failed passes on the same row before it is moved to the dead-letter table (the twin of MaximumRetryAttempts).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Backoff after the first failure; it doubles per attempt up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an idle relay waits for a commit signal before it looks anyway: the fallback for rows written by
    /// another process on the same file, which cannot signal this one.
    /// </summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often published rows past their retention are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);
}
