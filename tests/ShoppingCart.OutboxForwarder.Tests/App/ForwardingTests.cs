using System.Net;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.App;

/// <summary>Our own outbox records end to end: stream event in, PutEvents out, the partial-batch answer back.</summary>
public sealed class ForwardingTests : AppTest
{
    [Fact]
    public async Task Every_record_of_a_batch_is_published_and_the_answer_names_no_failure()
    {
        var records = CartStories.FullHistory(1).Concat(CartStories.FullHistory(2)).ToList();

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Equal("application/json", forwarded.ContentType);
        Assert.Equal("""{"batchItemFailures":[]}""", forwarded.Body);
        var published = EventBridge.Published;
        Assert.Equal(records.Select(r => r.EventId).Order(), published.Select(e => e.EventId).Order());
        Assert.All(published, entry =>
        {
            var record = records.Single(r => r.EventId == entry.EventId);
            Assert.Equal("shopping-cart", entry.Source);
            Assert.Equal(record.EventType, entry.DetailType);
            Assert.Equal(record.Payload, entry.Detail);
            Assert.Equal(ForwarderApp.EventBusName, entry.EventBusName);
        });
        Assert.Empty(DeadLetters.Messages);
    }

    [Fact]
    public async Task The_source_comes_from_configuration()
    {
        await ForwardAsync(
            new StreamEventBuilder().Insert(CartStories.Created(1)).Build(),
            new Dictionary<string, string?> { ["ShoppingCart:EventBridge:Source"] = "com.example.carts" });

        Assert.Equal("com.example.carts", Assert.Single(EventBridge.Published).Source);
    }

    [Theory]
    [InlineData("ThrottlingException")]
    [InlineData("InternalFailure")]
    public async Task Entries_that_fail_for_a_retryable_reason_are_resent_alone_and_the_batch_succeeds(string errorCode)
    {
        var records = CartStories.ManyCarts(10);
        string[] unlucky = [records[2].EventId, records[6].EventId];
        EventBridge.Entries = (entry, attempt) =>
            unlucky.Contains(entry.EventId) && attempt == 1 ? new EntryAnswer(errorCode, "try again") : EntryAnswer.Accept;

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Empty(forwarded.FailedItems);
        Assert.Equal(2, EventBridge.Received.Count);
        Assert.Equal(10, EventBridge.Received[0].Entries.Count);
        Assert.Equal(unlucky.Order(), EventBridge.Received[1].Entries.Select(e => e.EventId).Order());
        Assert.Equal(records.Select(r => r.EventId).Order(), EventBridge.Published.Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Entries_that_keep_failing_make_the_answer_name_the_lowest_failed_sequence_number()
    {
        var records = CartStories.ManyCarts(5);
        string[] hopeless = [records[1].EventId, records[3].EventId];
        EventBridge.Entries = (entry, _) => hopeless.Contains(entry.EventId) ? EntryAnswer.Throttled : EntryAnswer.Accept;
        var stream = new StreamEventBuilder().Insert(records);

        var forwarded = await ForwardAsync(stream.Build());

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Equal([stream.SequenceNumbers[1]], forwarded.FailedItems);
        Assert.Equal(new[] { records[0].EventId, records[2].EventId, records[4].EventId }.Order(), EventBridge.Published.Select(e => e.EventId).Order());
        Assert.True(EventBridge.Received.Count > 2, "The failing entries were not retried.");
        Assert.All(EventBridge.Received.Skip(1), call => Assert.Equal(hopeless.Order(), call.Entries.Select(e => e.EventId).Order()));
        Assert.Empty(DeadLetters.Messages);
    }

    // PutEvents API reference: AccessDeniedException, NotAuthorizedForSourceException, a missing bus are faults of the
    // setup. Reported failed at once, ten quick stream retries would spend MaximumRetryAttempts and the records would leave
    // as metadata only; so they are backed off within the invocation, never dead-lettered, and then fail it whole.
    [Fact]
    public async Task A_fault_of_the_setup_is_backed_off_within_the_budget_then_fails_the_invocation_without_dead_lettering()
    {
        var records = CartStories.ManyCarts(3);
        EventBridge.Entries = (entry, _) => entry.EventId == records[2].EventId ? EntryAnswer.AccessDenied : EntryAnswer.Accept;
        using var app = App();

        using var response = await app.PostEventAsync(new StreamEventBuilder().Insert(records).Build());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("AccessDeniedException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(EventBridge.Received.Count > 2, "The setup fault was not retried within the invocation.");
        Assert.Equal(EventBridge.Received.Count - 1, app.Time.DelayCount);
        Assert.InRange(app.Time.Elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));
        Assert.Empty(DeadLetters.Messages);
    }

    [Fact]
    public async Task Records_of_one_cart_are_published_in_version_order_while_other_carts_go_alongside()
    {
        var first = CartStories.FullHistory(1);
        var second = CartStories.FullHistory(2);
        var interleaved = first.Zip(second, (a, b) => new[] { a, b }).SelectMany(pair => pair).ToList();

        var forwarded = await ForwardAsync(new StreamEventBuilder().Insert(interleaved).Build());

        Assert.Empty(forwarded.FailedItems);
        foreach (var cart in new[] { first, second })
        {
            var cartId = cart[0].CartId;
            var sent = EventBridge.Received
                .SelectMany(call => call.Entries.Where(e => e.CartId == cartId).Select(e => (call.Number, e.CartVersion)))
                .ToList();
            Assert.Equal([1L, 2L, 3L, 4L], sent.OrderBy(s => s.Number).Select(s => s.CartVersion));
            Assert.Equal(sent.Count, sent.Select(s => s.Number).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_cart_whose_event_failed_sends_none_of_its_later_events_and_the_answer_resumes_at_the_failed_one()
    {
        var first = CartStories.FullHistory(1);
        var second = CartStories.FullHistory(2);
        EventBridge.Entries = (entry, _) => entry.EventId == first[1].EventId ? EntryAnswer.InternalFailure : EntryAnswer.Accept;
        var stream = new StreamEventBuilder().Insert(first).Insert(second);

        var forwarded = await ForwardAsync(stream.Build());

        Assert.Equal([stream.SequenceNumbers[1]], forwarded.FailedItems);
        Assert.Equal(
            second.Select(r => r.EventId).Append(first[0].EventId).Order(),
            EventBridge.Published.Select(e => e.EventId).Order());
        Assert.DoesNotContain(EventBridge.Received.SelectMany(call => call.Entries), e => e.EventId == first[2].EventId || e.EventId == first[3].EventId);
    }

    [Fact]
    public async Task Modify_and_time_to_live_records_are_skipped_and_count_as_handled()
    {
        var record = CartStories.Created(1);

        var forwarded = await ForwardAsync(new StreamEventBuilder().Modify(record).Remove(record, byTimeToLive: true).Build());

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Empty(forwarded.FailedItems);
        Assert.Empty(EventBridge.Received);
        Assert.Empty(DeadLetters.Messages);
    }
}
