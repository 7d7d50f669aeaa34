using System.Net;
using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit;
using ShoppingCart.Infrastructure.Aws.EventBridge;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.App;

/// <summary>Records that can never be published go whole, with the reason, to the dead-letter queue, and the batch moves on.</summary>
public sealed class DeadLetterTests : AppTest
{
    [Theory]
    [InlineData("MalformedDetail")]
    [InlineData("InvalidArgument")]
    public async Task An_entry_eventbridge_rejects_as_invalid_is_dead_lettered_whole_and_the_batch_moves_on(string errorCode)
    {
        var records = CartStories.ManyCarts(3);
        EventBridge.Entries = (entry, _) => entry.EventId == records[1].EventId ? new EntryAnswer(errorCode, "rejected") : EntryAnswer.Accept;
        var stream = new StreamEventBuilder().Insert(records);
        var sentRecord = JsonNode.Parse(stream.Build())!["Records"]![1];

        var forwarded = await ForwardAsync(stream.Build());

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Empty(forwarded.FailedItems);
        Assert.Single(EventBridge.Received);
        var message = Assert.Single(DeadLetters.Messages);
        Assert.Equal(DeadLetters.QueueUrl.AbsoluteUri, message.QueueUrl);
        var body = message.Json;
        Assert.Equal($"{errorCode}: rejected", body["reason"]!.GetValue<string>());
        Assert.Equal(stream.SequenceNumbers[1], body["position"]!.GetValue<string>());
        Assert.Equal(records[1].EventId, body["eventId"]!.GetValue<string>());
        Assert.Equal(records[1].CartId, body["cartId"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(sentRecord, body["record"]), "The dead letter does not hold the stream record as it was received.");
    }

    [Fact]
    public async Task The_dead_letter_message_is_exactly_as_recorded()
    {
        var record = CartStories.Created(1);
        EventBridge.Entries = (_, _) => EntryAnswer.MalformedDetail;

        await ForwardAsync(new StreamEventBuilder().Insert(record).Build());

        Snapshot.Match(Assert.Single(DeadLetters.Messages).Body);
    }

    [Fact]
    public async Task An_entry_over_the_size_limit_is_dead_lettered_without_being_sent_with_the_size_as_reason()
    {
        var records = CartStories.ManyCarts(3).ToList();
        records[0] = WithEntrySize(records[0], PutEventsEntrySize.MaxBytes + 1);
        var stream = new StreamEventBuilder().Insert(records);

        var forwarded = await ForwardAsync(stream.Build());

        Assert.Empty(forwarded.FailedItems);
        Assert.Equal(new[] { records[1].EventId, records[2].EventId }.Order(), EventBridge.Published.Select(e => e.EventId).Order());
        Assert.DoesNotContain(EventBridge.Received.SelectMany(call => call.Entries), e => e.EventId == records[0].EventId);
        var reason = Assert.Single(DeadLetters.Messages).Json["reason"]!.GetValue<string>();
        Assert.StartsWith(PutEventsErrors.EntryTooLarge, reason, StringComparison.Ordinal);
        Assert.Contains("262145", reason, StringComparison.Ordinal);
        Assert.Contains("262144", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foreign_records_of_the_aws_sample_are_dead_lettered_never_a_crash()
    {
        var forwarded = await ForwardAsync(Fixture.Read("dynamodb-stream-event.json"));

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Empty(forwarded.FailedItems);
        Assert.Empty(EventBridge.Received);
        var body = Assert.Single(DeadLetters.Messages).Json;
        Assert.StartsWith("Not an outbox record", body["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("1405400000000002063282832", body["position"]!.GetValue<string>());
        Assert.Equal("INSERT", body["record"]!["eventName"]!.GetValue<string>());
        Assert.Null(body["eventId"]);
    }

    [Fact]
    public async Task When_the_dead_letter_queue_is_down_the_poison_record_is_reported_failed_not_lost()
    {
        var records = CartStories.ManyCarts(3);
        EventBridge.Entries = (entry, _) => entry.EventId == records[1].EventId ? EntryAnswer.MalformedDetail : EntryAnswer.Accept;
        DeadLetters.Failing = true;
        var stream = new StreamEventBuilder().Insert(records);

        var forwarded = await ForwardAsync(stream.Build());

        Assert.Equal(HttpStatusCode.OK, forwarded.Status);
        Assert.Equal([stream.SequenceNumbers[1]], forwarded.FailedItems);
        Assert.True(DeadLetters.FailedCalls > 0);
        Assert.Equal(2, EventBridge.Published.Count);
    }
}
