using ShoppingCart.Infrastructure.Aws.EventBridge;

namespace ShoppingCart.OutboxForwarder.Tests.EventBridge;

public sealed class PutEventsBatchesTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(10, new[] { 10 })]
    [InlineData(11, new[] { 10, 1 })]
    [InlineData(25, new[] { 10, 10, 5 })]
    public void Calls_hold_at_most_ten_entries(int count, int[] expectedCallSizes)
    {
        var calls = PutEventsBatches.Split([.. Enumerable.Range(0, count)], _ => 100);

        Assert.Equal(expectedCallSizes, calls.Select(call => call.Count));
        Assert.Equal(Enumerable.Range(0, count), calls.SelectMany(call => call));
    }

    [Fact]
    public void Calls_hold_at_most_256_kilobytes_of_entries_as_aws_counts_them()
    {
        int[] sizes = [100_000, 100_000, 62_143, 1, 200_000, 62_144, 262_143];

        var calls = PutEventsBatches.Split([.. Enumerable.Range(0, sizes.Length)], i => sizes[i]);

        // "The total entry size must be less than 256KB" (Calculating PutEvents event entry size): 100,000 + 100,000 +
        // 62,143 is one byte under; one byte more, reaching 262,144 exactly, starts a new call.
        Assert.Equal([[0, 1, 2], [3, 4], [5], [6]], calls.Select(call => call.ToArray()));
        Assert.All(calls, call => Assert.InRange(call.Sum(i => sizes[i]), 1, PutEventsEntrySize.MaxBytes - 1));
    }

    [Fact]
    public void An_entry_over_the_limit_is_refused_because_no_call_could_carry_it()
    {
        Assert.Throws<ArgumentException>(() => PutEventsBatches.Split([1], _ => PutEventsEntrySize.MaxBytes));
    }
}
