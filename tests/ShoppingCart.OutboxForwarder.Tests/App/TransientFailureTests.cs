using System.Net;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.App;

/// <summary>Whole-call failures (5xx, throttling, timeouts) are retried within the budget; what still fails is reported, not lost.</summary>
public sealed class TransientFailureTests : AppTest
{
    // The budget is spent on the test clock, by backoff delays only, so a loaded machine cannot make it run out early;
    // the timeout is real, and generous enough that an answered call never hits it.
    private static readonly Dictionary<string, string?> TimeoutThenRetries = new()
    {
        ["ShoppingCart:EventBridge:RequestTimeout"] = "00:00:01",
        ["ShoppingCart:EventBridge:RetryBudget"] = "00:00:05",
    };

    // Every call is too slow here, so only the number of attempts matters: keep both short.
    private static readonly Dictionary<string, string?> TimeoutsOnly = new()
    {
        ["ShoppingCart:EventBridge:RequestTimeout"] = "00:00:00.300",
        ["ShoppingCart:EventBridge:RetryBudget"] = "00:00:00.250",
    };

    [Fact]
    public async Task A_server_error_is_retried_and_the_batch_succeeds()
    {
        var records = CartStories.ManyCarts(3);
        EventBridge.Calls = number => number == 1 ? CallAnswer.InternalError : null;

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Empty(forwarded.FailedItems);
        Assert.Equal(2, EventBridge.Received.Count);
        Assert.Equal(records.Select(r => r.EventId).Order(), EventBridge.Published.Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task A_throttled_call_is_retried_and_the_batch_succeeds()
    {
        EventBridge.Calls = number => number <= 2 ? CallAnswer.Throttled : null;

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(CartStories.ManyCarts(2)).Build());

        Assert.Empty(forwarded.FailedItems);
        Assert.Equal(3, EventBridge.Received.Count);
        Assert.Equal(2, EventBridge.Published.Count);
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retry_budget_make_the_answer_name_the_first_record()
    {
        EventBridge.Calls = _ => CallAnswer.InternalError;
        var stream = new StreamEventBuilder().Insert(CartStories.ManyCarts(3));
        using var app = App();

        var forwarded = await Forwarded.ReadAsync(await app.PostEventAsync(stream.Build()));

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Equal([stream.SequenceNumbers[0]], forwarded.FailedItems);
        Assert.True(EventBridge.Received.Count > 2, "The calls were not retried.");
        Assert.Equal(EventBridge.Received.Count - 1, app.Time.DelayCount);
        Assert.InRange(app.Time.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Empty(DeadLetters.Messages);
    }

    [Fact]
    public async Task A_call_that_times_out_is_retried_and_the_batch_succeeds()
    {
        EventBridge.Slowness = number => number == 1 ? TimeSpan.FromSeconds(30) : TimeSpan.Zero;
        var records = CartStories.ManyCarts(2);

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build(), TimeoutThenRetries);

        Assert.Empty(forwarded.FailedItems);
        Assert.Equal(records.Select(r => r.EventId).Order(), EventBridge.Received[^1].Entries.Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Calls_that_keep_timing_out_make_the_answer_name_the_first_record()
    {
        EventBridge.Slowness = _ => TimeSpan.FromSeconds(30);
        var stream = new StreamEventBuilder().Insert(CartStories.ManyCarts(2));

        var forwarded = await ForwardAsync(stream.Build(), TimeoutsOnly);

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Equal([stream.SequenceNumbers[0]], forwarded.FailedItems);
        Assert.Empty(DeadLetters.Messages);
    }
}
