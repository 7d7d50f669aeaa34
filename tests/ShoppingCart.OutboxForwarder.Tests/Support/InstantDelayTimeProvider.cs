namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>
/// A clock on which every delay completes at once and moves the clock forward by its length: retry backoffs and
/// budgets run their real logic, deterministically, without the tests sleeping.
/// </summary>
internal sealed class InstantDelayTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _elapsedTicks;
    private int _delays;

    /// <summary>How many delays were waited.</summary>
    public int DelayCount => Volatile.Read(ref _delays);

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override DateTimeOffset GetUtcNow() => start + Elapsed;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Add(ref _elapsedTicks, dueTime.Ticks);
            Interlocked.Increment(ref _delays);

            // Fired from the thread pool, as a real timer would, never inside the caller's CreateTimer call.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
