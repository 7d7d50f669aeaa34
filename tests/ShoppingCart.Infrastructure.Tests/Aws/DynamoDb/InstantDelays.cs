using Microsoft.Extensions.Time.Testing;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>A fake clock on which every wait ends at once, moving the clock by its length: backoffs run without sleeping.</summary>
internal sealed class InstantDelays(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            // After CreateTimer returns, as a real timer would fire.
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
