using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Aws.Sqs;
using ShoppingCart.Infrastructure.Aws.Streams;
using ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;
using ShoppingCart.Operations.Tests.Support;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.Operations.Tests.Aws;

/// <summary>
/// The command line on the AWS family, at the wire: the real SDK clients and the signed PutEvents client against local
/// stubs of the poison-record queue (SQS), the outbox table (DynamoDB) and the bus (EventBridge). The dead letters are
/// written by the forwarder's own <see cref="SqsDeadLetterQueue"/> from real stream records.
/// </summary>
public sealed class AwsOperatorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly EnvironmentVariables _environment = EnvironmentVariables.ForSdk();
    private readonly SqsQueueStub _queue = new();
    private readonly OutboxTableStub _outbox = new();
    private readonly EventBridgeStub _bus = new();

    [Fact]
    public async Task Dead_letters_receives_every_message_claimed_for_a_while_and_makes_each_visible_again()
    {
        var records = OutboxItems.CartHistory(versions: 3, Start);
        await DeadLetterAsync(records);

        var run = await OutboxAsync("dead-letters", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var listed = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(records.Select(r => r.EventId).Order(), listed.Select(l => l.GetProperty("eventId").GetString()).Order());
        Assert.All(listed, l => Assert.Equal("InvalidArgument: rejected", l.GetProperty("reason").GetString()));

        // SQS API reference, ReceiveMessage: at most 10 messages per call; VisibilityTimeout hides what is returned;
        // WaitTimeSeconds > 0 is long polling, which queries every server (so an empty answer means an empty queue).
        var receives = _queue.Requests("ReceiveMessage");
        Assert.All(receives, r => Assert.Equal((10, 300, 1), (r["MaxNumberOfMessages"]!.GetValue<int>(), r["VisibilityTimeout"]!.GetValue<int>(), r["WaitTimeSeconds"]!.GetValue<int>())));
        Assert.Equal(2, receives.Count);
        // SQS API reference, ChangeMessageVisibility: the new timeout (minimum 0) counts from the call, so 0 makes the
        // message receivable again at once.
        var released = _queue.Requests("ChangeMessageVisibilityBatch").SelectMany(r => r["Entries"]!.AsArray()).ToList();
        Assert.Equal(3, released.Count);
        Assert.All(released, e => Assert.Equal(0, e!["VisibilityTimeout"]!.GetValue<int>()));
        Assert.Empty(_queue.Requests("DeleteMessageBatch"));
        Assert.All(_queue.Messages, m => Assert.False(m.Claimed));
    }

    [Fact]
    public async Task Replay_publishes_with_the_original_ids_in_version_order_and_deletes_each_message_once_published()
    {
        var records = OutboxItems.CartHistory(versions: 3, Start);
        await DeadLetterAsync(records);

        var run = await OutboxAsync("replay", "--all");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(records.Select(r => r.EventId), _bus.Published.Select(e => e.EventId));
        Assert.Equal(records.Select(r => r.Payload), _bus.Published.Select(e => e.Detail));
        Assert.All(_bus.Published, e => Assert.Equal(("shopping-cart", "shopping-cart"), (e.EventBusName, e.Source)));
        Assert.Empty(_queue.Messages);
    }

    [Fact]
    public async Task Replay_with_some_entries_failing_deletes_only_the_published_messages_and_exits_non_zero()
    {
        var records = OutboxItems.CartHistory(versions: 1, Start).Concat(OutboxItems.CartHistory(versions: 1, Start)).ToList();
        await DeadLetterAsync(records);
        var refused = records[1].EventId;
        _bus.Entries = (entry, _) => entry.EventId == refused ? EntryAnswer.AccessDenied : EntryAnswer.Accept;

        var run = await OutboxAsync("replay", "--all");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"not published, stays dead-lettered: {refused}: AccessDeniedException", run.Output, StringComparison.Ordinal);
        Assert.Equal([records[0].EventId], _bus.Published.Select(e => e.EventId));
        var left = Assert.Single(_queue.Messages);
        Assert.Contains(refused, left.Body, StringComparison.Ordinal);
        Assert.False(left.Claimed);
        Assert.Single(_queue.Requests("DeleteMessageBatch").SelectMany(r => r["Entries"]!.AsArray()));
    }

    [Fact]
    public async Task A_message_published_but_not_deleted_is_reported_and_stays_for_a_later_replay()
    {
        // SQS API reference, DeleteMessageBatch: the result of each entry is reported on its own, so check for batch
        // errors even when the call answers HTTP 200.
        var records = OutboxItems.CartHistory(versions: 2, Start);
        await DeadLetterAsync(records);
        _queue.DeleteFails = message => message.Body.Contains(records[0].EventId, StringComparison.Ordinal);

        var run = await OutboxAsync("replay", "--all");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"published but not removed (a later replay publishes it again, same id): {records[0].EventId}: ReceiptHandleIsInvalid", run.Output, StringComparison.Ordinal);
        Assert.Equal(records.Select(r => r.EventId), _bus.Published.Select(e => e.EventId));
        Assert.Single(_queue.Messages);
    }

    [Fact]
    public async Task A_message_that_is_not_a_dead_letter_is_listed_as_unreadable_and_never_published_or_deleted()
    {
        var records = OutboxItems.CartHistory(versions: 1, Start);
        await DeadLetterAsync(records);
        using (var sqs = SqsClient())
        {
            await sqs.SendMessageAsync(_queue.QueueUrl.AbsoluteUri, "not a dead letter");
        }

        var listed = await OutboxAsync("dead-letters");
        var replay = await OutboxAsync("replay", "--all");

        Assert.Contains("(unreadable, id ", listed.Output, StringComparison.Ordinal);
        Assert.Contains("Not a dead-letter message", listed.Output, StringComparison.Ordinal);
        Assert.Equal(1, replay.ExitCode);
        Assert.Equal([records[0].EventId], _bus.Published.Select(e => e.EventId));
        var left = Assert.Single(_queue.Messages);
        Assert.Equal("not a dead letter", left.Body);
        Assert.False(left.Claimed);
    }

    [Fact]
    public async Task Replay_refuses_an_unknown_event_id_and_leaves_the_queue_as_it_was()
    {
        await DeadLetterAsync(OutboxItems.CartHistory(versions: 1, Start));

        var run = await OutboxAsync("replay", "--event-id", "no-such-event");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("outbox replay: No dead letter has event id no-such-event; nothing was replayed.", run.Errors.Trim());
        Assert.Empty(_bus.Received);
        Assert.False(Assert.Single(_queue.Messages).Claimed);
    }

    [Fact]
    public async Task Republish_of_a_cart_queries_its_partition_page_by_page_and_publishes_in_version_order()
    {
        var records = OutboxItems.CartHistory(versions: 5, Start);
        foreach (var record in records.Reverse())
        {
            _outbox.Put(OutboxItems.Image(record));
        }

        var run = await OutboxAsync("republish", "--cart", records[0].CartId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(records.Select(r => r.EventId), _bus.Published.Select(e => e.EventId));
        var queries = _outbox.Requests("Query");
        Assert.Equal(3, queries.Count);
        Assert.All(queries, q => Assert.Equal(("shopping-cart-outbox", "#cart = :cart", true), (q["TableName"]!.GetValue<string>(), q["KeyConditionExpression"]!.GetValue<string>(), q["ConsistentRead"]!.GetValue<bool>())));
        Assert.Null(queries[0]["ExclusiveStartKey"]);
        Assert.NotNull(queries[1]["ExclusiveStartKey"]);
    }

    [Fact]
    public async Task Republish_of_a_time_window_scans_with_a_filter_on_occurredAt_and_keeps_each_carts_version_order()
    {
        var first = OutboxItems.CartHistory(versions: 3, Start);
        var second = OutboxItems.CartHistory(versions: 3, Start);
        foreach (var record in first.Concat(second))
        {
            _outbox.Put(OutboxItems.Image(record));
        }

        var run = await OutboxAsync("republish", "--since", "2026-11-30T12:01:00Z", "--until", "2026-11-30T13:00:00Z");

        Assert.True(run.ExitCode == 0, run.ToString());
        var scan = _outbox.Requests("Scan")[0];
        Assert.Equal("#occurred >= :since AND #occurred < :until", scan["FilterExpression"]!.GetValue<string>());
        Assert.Equal("occurredAt", scan["ExpressionAttributeNames"]!["#occurred"]!.GetValue<string>());
        Assert.Equal("2026-11-30T12:01:00.0000000+00:00", scan["ExpressionAttributeValues"]![":since"]!["S"]!.GetValue<string>());
        var published = _bus.Published;
        Assert.Equal(4, published.Count);
        Assert.All(published.GroupBy(e => e.CartId), cart => Assert.Equal([2L, 3L], cart.Select(e => e.CartVersion)));
    }

    [Fact]
    public async Task Status_counts_the_poison_record_queue_and_says_where_the_backlog_is_measured()
    {
        await DeadLetterAsync(OutboxItems.CartHistory(versions: 2, Start));

        var run = await OutboxAsync("status", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var status = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(2, status.GetProperty("deadLetters").GetInt64());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("backlog").ValueKind);
        Assert.Contains(status.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("IteratorAge", StringComparison.Ordinal));
        Assert.Single(_queue.Requests("GetQueueAttributes"));
    }

    public void Dispose()
    {
        _queue.Dispose();
        _outbox.Dispose();
        _bus.Dispose();
        _environment.Dispose();
    }

    private Task<CommandRun> OutboxAsync(params string[] arguments) =>
        CommandRun.RunAsync([
            .. arguments,
            "--ShoppingCart:Infrastructure=Aws",
            "--ShoppingCart:DynamoDb:Region=eu-west-1",
            $"--ShoppingCart:DynamoDb:ServiceUrl={_outbox.Url}",
            "--ShoppingCart:EventBridge:EventBusName=shopping-cart",
            "--ShoppingCart:EventBridge:Region=eu-west-1",
            $"--ShoppingCart:EventBridge:Endpoint={_bus.Url}",
            "--ShoppingCart:EventBridge:RetryBudget=00:00:00.200",
            "--ShoppingCart:EventBridge:RetryBaseDelay=00:00:00.010",
            $"--ShoppingCart:DeadLetterQueue:QueueUrl={_queue.QueueUrl}",
            $"--ShoppingCart:DeadLetterQueue:Endpoint={_queue.Url}",
        ]);

    private AmazonSQSClient SqsClient() =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), new AmazonSQSConfig { ServiceURL = _queue.Url.AbsoluteUri, AuthenticationRegion = "eu-west-1" });

    /// <summary>Dead-letters each record as the forwarder does: its stream record, whole, in an SQS message with the reason.</summary>
    private async Task DeadLetterAsync(IEnumerable<OutboxRecord> records)
    {
        using var sqs = SqsClient();
        var queue = new SqsDeadLetterQueue(sqs, Options.Create(new DeadLetterQueueOptions { QueueUrl = _queue.QueueUrl }), TimeProvider.System);
        var sequence = 100;
        foreach (var record in records)
        {
            var streamEvent = new JsonObject { ["Records"] = new JsonArray(OutboxItems.StreamRecord(record, (sequence++).ToString(System.Globalization.CultureInfo.InvariantCulture))) };
            var entry = Assert.Single(DynamoDbStreamParser.Parse(streamEvent.ToJsonString()).Entries);
            await queue.SendAsync(entry, "InvalidArgument: rejected", CancellationToken.None);
        }
    }
}
