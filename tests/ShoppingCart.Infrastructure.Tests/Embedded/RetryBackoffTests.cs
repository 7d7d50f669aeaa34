using ShoppingCart.Infrastructure.Embedded.Relay;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(6, 3200)]
    [InlineData(7, 5000)]
    [InlineData(1000, 5000)]
    public void Each_delay_lies_between_half_and_all_of_the_capped_exponential(int attempt, int ceilingMilliseconds)
    {
        var backoff = new RetryBackoff(Initial, Max, new Random(attempt));

        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(backoff.For(attempt).TotalMilliseconds, ceilingMilliseconds / 2.0, ceilingMilliseconds);
        }
    }

    [Fact]
    public void Jitter_spreads_the_delays_of_one_attempt()
    {
        var backoff = new RetryBackoff(Initial, Max, new Random(1));

        var delays = Enumerable.Range(0, 20).Select(_ => backoff.For(4)).Distinct().Count();

        Assert.True(delays > 10, $"only {delays} distinct delays");
    }

    [Fact]
    public void Attempts_count_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackoff(Initial, Max, new Random(1)).For(0));
    }
}
