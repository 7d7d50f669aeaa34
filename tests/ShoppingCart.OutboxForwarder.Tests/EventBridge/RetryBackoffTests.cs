using ShoppingCart.Infrastructure.Aws.EventBridge;

namespace ShoppingCart.OutboxForwarder.Tests.EventBridge;

public sealed class RetryBackoffTests
{
    [Fact]
    public void The_ceiling_doubles_per_retry_up_to_the_cap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new Random(1));

        Assert.Equal(
            new[] { 100, 200, 400, 800, 1000, 1000 }.Select(ms => TimeSpan.FromMilliseconds(ms)),
            Enumerable.Range(1, 6).Select(backoff.Ceiling));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Ceiling(10_000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Each_delay_lies_between_half_the_ceiling_and_the_ceiling(int seed)
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(seed));

        for (var retry = 1; retry <= 12; retry++)
        {
            var ceiling = backoff.Ceiling(retry);
            Assert.InRange(backoff.DelayBefore(retry), ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Delays_are_jittered_so_concurrent_forwarders_spread_apart()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(3));

        var delays = Enumerable.Range(0, 20).Select(_ => backoff.DelayBefore(4)).Distinct().Count();

        Assert.True(delays > 1, "Every draw gave the same delay.");
    }
}
