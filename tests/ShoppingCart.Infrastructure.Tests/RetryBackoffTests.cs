namespace ShoppingCart.Infrastructure.Tests;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_ceiling_doubles_per_retry_up_to_the_cap()
    {
        var backoff = new RetryBackoff(Initial, TimeSpan.FromSeconds(1), new Random(1));

        Assert.Equal(
            new[] { 100, 200, 400, 800, 1000, 1000 }.Select(ms => TimeSpan.FromMilliseconds(ms)),
            Enumerable.Range(1, 6).Select(backoff.Ceiling));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Ceiling(10_000));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(6, 3200)]
    [InlineData(7, 5000)]
    [InlineData(1000, 5000)]
    public void Each_delay_lies_between_half_and_all_of_the_capped_exponential(int retry, int ceilingMilliseconds)
    {
        var backoff = new RetryBackoff(Initial, Max, new Random(retry));

        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(backoff.DelayBefore(retry).TotalMilliseconds, ceilingMilliseconds / 2.0, ceilingMilliseconds);
        }
    }

    [Fact]
    public void Jitter_spreads_the_delays_of_one_retry_so_concurrent_relays_spread_apart()
    {
        var backoff = new RetryBackoff(Initial, Max, new Random(1));

        var delays = Enumerable.Range(0, 20).Select(_ => backoff.DelayBefore(4)).Distinct().Count();

        Assert.True(delays > 10, $"only {delays} distinct delays");
    }

    [Fact]
    public void Retries_count_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackoff(Initial, Max, new Random(1)).DelayBefore(0));
    }
}
