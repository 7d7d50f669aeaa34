using ShoppingCart.Infrastructure.Aws.EventBridge;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.App;

/// <summary>Batches of any size leave as PutEvents calls within both limits (10 entries, 256 KB), each record exactly once.</summary>
public sealed class BatchSplittingTests : AppTest
{
    [Theory]
    [InlineData(11)]
    [InlineData(100)]
    [InlineData(1000)]
    public async Task A_batch_is_split_into_calls_of_at_most_ten_entries_and_every_record_is_published_once(int count)
    {
        var records = CartStories.ManyCarts(count);

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Empty(forwarded.FailedItems);
        var calls = EventBridge.Received;
        Assert.Equal((count + 9) / 10, calls.Count);
        Assert.All(calls, call => Assert.InRange(call.Entries.Count, 1, 10));
        Assert.Equal(records.Select(r => r.EventId).Order(), calls.SelectMany(call => call.Entries).Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Large_entries_are_split_by_size_before_the_count_limit()
    {
        var records = CartStories.ManyCarts(10).Select(record => WithEntrySize(record, 100_000)).ToList();

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Empty(forwarded.FailedItems);
        Assert.Equal(5, EventBridge.Received.Count);
        Assert.All(EventBridge.Received, call => Assert.Equal(2, call.Entries.Count));
        Assert.Equal(10, EventBridge.Published.Count);
    }

    // "Calculating Amazon EventBridge PutEvents event entry size": "The total entry size must be less than 256KB".
    [Fact]
    public async Task An_entry_one_byte_under_256_kilobytes_is_published_in_a_call_of_its_own()
    {
        var records = CartStories.ManyCarts(3).ToList();
        records[1] = WithEntrySize(records[1], PutEventsEntrySize.MaxBytes - 1);

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Empty(forwarded.FailedItems);
        Assert.Empty(DeadLetters.Messages);
        Assert.Equal(3, EventBridge.Published.Count);
        var callWithTheBigOne = Assert.Single(EventBridge.Received, call => call.Entries.Any(e => e.EventId == records[1].EventId));
        Assert.Single(callWithTheBigOne.Entries);
    }

    // Same page: an entry of exactly 256 KB is not "less than 256KB", so it is never sent; it is dead-lettered whole.
    [Fact]
    public async Task An_entry_of_exactly_256_kilobytes_is_dead_lettered_not_sent()
    {
        var records = CartStories.ManyCarts(2).ToList();
        records[0] = WithEntrySize(records[0], PutEventsEntrySize.MaxBytes);

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Empty(forwarded.FailedItems);
        Assert.Contains(PutEventsErrors.EntryTooLarge, Assert.Single(DeadLetters.Messages).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(EventBridge.Received.SelectMany(call => call.Entries), entry => entry.EventId == records[0].EventId);
        Assert.Equal([records[1].EventId], EventBridge.Published.Select(e => e.EventId));
    }
}
