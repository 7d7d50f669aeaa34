using System.Text.Json.Nodes;
using ShoppingCart.Infrastructure.Aws.Streams;
using ShoppingCart.OutboxForwarder.Tests.Support;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.OutboxForwarder.Tests.Streams;

public sealed class DynamoDbStreamParserTests
{
    [Fact]
    public void Our_outbox_records_are_read_back_exactly_in_stream_order()
    {
        var records = CartStories.FullHistory(1).Concat(CartStories.FullHistory(2)).ToList();
        var stream = new StreamEventBuilder().Insert(records);

        var batch = DynamoDbStreamParser.Parse(stream.Build());

        Assert.Equal(records, batch.Entries.Select(entry => entry.Record));
        Assert.Equal(stream.SequenceNumbers, batch.Entries.Select(entry => entry.Position));
        Assert.All(batch.Entries, entry => Assert.Null(entry.UnreadableReason));
        Assert.Equal(8, batch.RecordCount);
        Assert.Equal(0, batch.SkippedCount);
    }

    [Fact]
    public void Each_entry_keeps_its_own_stream_record_whole()
    {
        var stream = new StreamEventBuilder().Insert(CartStories.FullHistory(1));
        var sent = JsonNode.Parse(stream.Build())!["Records"]!.AsArray();

        var batch = DynamoDbStreamParser.Parse(stream.Build());

        for (var i = 0; i < sent.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(sent[i], JsonNode.Parse(batch.Entries[i].RawContent)));
        }
    }

    [Fact]
    public void Modify_and_remove_records_are_skipped_whether_or_not_time_to_live_made_them()
    {
        var history = CartStories.FullHistory(1);
        var stream = new StreamEventBuilder()
            .Insert(history[0])
            .Modify(history[0])
            .Remove(history[0], byTimeToLive: true)
            .Remove(history[1], byTimeToLive: false)
            .Insert(history[1]);

        var batch = DynamoDbStreamParser.Parse(stream.Build());

        Assert.Equal([history[0], history[1]], batch.Entries.Select(entry => entry.Record));
        Assert.Equal([stream.SequenceNumbers[0], stream.SequenceNumbers[4]], batch.Entries.Select(entry => entry.Position));
        Assert.Equal(5, batch.RecordCount);
        Assert.Equal(3, batch.SkippedCount);
        Assert.Equal(1, batch.TimeToLiveDeletionCount);
    }

    [Fact]
    public void A_timestamp_written_with_an_explicit_utc_offset_reads_as_the_same_instant()
    {
        var record = CartStories.Created(1);
        var image = StreamEventBuilder.ImageOf(record);
        image[Schema.OccurredAt] = StreamEventBuilder.S("2026-11-30T12:00:00.0000000+00:00");

        var batch = DynamoDbStreamParser.Parse(new StreamEventBuilder().InsertImage(record, image).Build());

        Assert.Equal(record, batch.Entries.Single().Record);
    }

    public static TheoryData<string, string, JsonNode?> BrokenAttributes => new()
    {
        { "a missing event id", Schema.EventId, null },
        { "an empty event type", Schema.EventType, StreamEventBuilder.S(string.Empty) },
        { "a schema version sent as a string", Schema.SchemaVersion, StreamEventBuilder.S("1") },
        { "a fractional cart version", Schema.CartVersion, new JsonObject { ["N"] = "1.5" } },
        { "a negative event index", Schema.EventIndex, new JsonObject { ["N"] = "-1" } },
        { "a timestamp that is not ISO 8601", Schema.OccurredAt, StreamEventBuilder.S("yesterday at noon") },
        { "a payload that is not JSON", Schema.Payload, StreamEventBuilder.S("{not json") },
        { "a payload that is not a JSON object", Schema.Payload, StreamEventBuilder.S("[1,2,3]") },
        { "a missing correlation id", Schema.CorrelationId, null },
    };

    [Theory]
    [MemberData(nameof(BrokenAttributes))]
    public void An_insert_with_a_broken_outbox_attribute_is_unreadable_and_says_which(string because, string attribute, JsonNode? value)
    {
        var record = CartStories.Created(1);
        var image = StreamEventBuilder.ImageOf(record);
        image.Remove(attribute);
        if (value is not null)
        {
            image[attribute] = value.DeepClone();
        }

        var stream = new StreamEventBuilder().InsertImage(record, image);
        var entry = DynamoDbStreamParser.Parse(stream.Build()).Entries.Single();

        Assert.True(entry.Record is null, because);
        Assert.Equal(stream.SequenceNumbers[0], entry.Position);
        Assert.Contains(attribute, entry.UnreadableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_insert_without_a_new_image_is_unreadable_with_the_stream_view_to_fix()
    {
        var json = JsonNode.Parse(new StreamEventBuilder().Insert(CartStories.Created(1)).Build())!;
        json["Records"]![0]!["dynamodb"]!.AsObject().Remove("NewImage");

        var entry = DynamoDbStreamParser.Parse(json.ToJsonString()).Entries.Single();

        Assert.Null(entry.Record);
        Assert.Contains("NEW_IMAGE", entry.UnreadableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_the_wrong_shape_is_unreadable_not_a_crash_and_the_rest_of_the_batch_is_read()
    {
        var records = CartStories.FullHistory(1);
        var json = JsonNode.Parse(new StreamEventBuilder().Insert(records).Build())!;
        json["Records"]![1]!["dynamodb"]!["NewImage"] = "not a map";

        var batch = DynamoDbStreamParser.Parse(json.ToJsonString());

        Assert.Equal(4, batch.Entries.Count);
        Assert.Null(batch.Entries[1].Record);
        Assert.StartsWith("Not a DynamoDB stream record", batch.Entries[1].UnreadableReason, StringComparison.Ordinal);
        Assert.Equal([records[0], records[2], records[3]], batch.Entries.Where(entry => entry.Record is not null).Select(entry => entry.Record));
    }

    [Fact]
    public void A_record_of_an_unknown_kind_is_kept_as_unreadable_rather_than_dropped()
    {
        var json = JsonNode.Parse(new StreamEventBuilder().Insert(CartStories.Created(1)).Build())!;
        json["Records"]![0]!["eventName"] = "UPSERT";

        var entry = DynamoDbStreamParser.Parse(json.ToJsonString()).Entries.Single();

        Assert.Null(entry.Record);
        Assert.Contains("UPSERT", entry.UnreadableReason, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, JsonNode> IgnoredFieldsOfUnexpectedTypes => new()
    {
        { "eventID", "a number for the event id", 42 },
        { "eventVersion", "an object for the event version", new JsonObject { ["major"] = 1 } },
        { "awsRegion", "a boolean for the region", true },
        { "eventSourceARN", "an array for the source ARN", new JsonArray("a", "b") },
        { "userIdentity", "a string for the user identity of an insert", "someone" },
    };

    [Theory]
    [MemberData(nameof(IgnoredFieldsOfUnexpectedTypes))]
    public void An_unexpected_type_in_a_field_the_forwarder_does_not_read_leaves_a_good_record_readable(string field, string because, JsonNode value)
    {
        var record = CartStories.Created(1);
        var json = JsonNode.Parse(new StreamEventBuilder().Insert(record).Build())!;
        json["Records"]![0]![field] = value.DeepClone();

        var entry = DynamoDbStreamParser.Parse(json.ToJsonString()).Entries.Single();

        Assert.True(entry.UnreadableReason is null, because);
        Assert.Equal(record, entry.Record);
    }

    [Theory]
    [InlineData("SizeBytes", "\"54\"")]
    [InlineData("StreamViewType", "7")]
    [InlineData("Keys", "\"no keys\"")]
    [InlineData("OldImage", "[]")]
    [InlineData("ApproximateCreationDateTime", "{}")]
    public void An_unexpected_type_in_a_change_field_the_forwarder_does_not_need_leaves_a_good_record_readable(string field, string json)
    {
        var record = CartStories.Created(1);
        var body = JsonNode.Parse(new StreamEventBuilder().Insert(record).Build())!;
        body["Records"]![0]!["dynamodb"]![field] = JsonNode.Parse(json);

        var entry = DynamoDbStreamParser.Parse(body.ToJsonString()).Entries.Single();

        Assert.Equal(record, entry.Record);
    }

    // AWS, "StreamRecord - Amazon DynamoDB" (API reference): ApproximateCreationDateTime is UNIX epoch seconds, and
    // "some tools and SDKs may convert this value to a different format, such as ISO 8601".
    [Theory]
    [InlineData("1480642020")]
    [InlineData("1480642020.0")]
    [InlineData("\"1480642020\"")]
    [InlineData("\"2016-12-02T01:27:00Z\"")]
    public void The_creation_time_is_read_as_epoch_seconds_or_as_an_iso_8601_string(string json)
    {
        var body = JsonNode.Parse(new StreamEventBuilder().Insert(CartStories.Created(1)).Build())!;
        body["Records"]![0]!["dynamodb"]!["ApproximateCreationDateTime"] = JsonNode.Parse(json);

        var batch = DynamoDbStreamParser.Parse(body.ToJsonString());

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1480642020), batch.OldestChangeAt);
    }

    [Fact]
    public async Task A_body_read_from_a_stream_gives_the_same_entries_as_the_same_text()
    {
        var stream = new StreamEventBuilder().Insert(CartStories.FullHistory(1));
        var text = stream.Build();
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var fromStream = await DynamoDbStreamParser.ParseAsync(body, length: null, CancellationToken.None);

        Assert.Equal(DynamoDbStreamParser.Parse(text).Entries, fromStream.Entries);
    }

    [Fact]
    public void An_event_without_records_is_an_empty_batch()
    {
        var batch = DynamoDbStreamParser.Parse("""{"Records":[]}""");

        Assert.Empty(batch.Entries);
        Assert.Equal(0, batch.RecordCount);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"records":[]}""")]
    [InlineData("""[{"eventName":"INSERT"}]""")]
    [InlineData("""{"Records":[{"eventName":"INSERT","dynamodb":{"NewImage":{}}}]}""")]
    public void A_body_that_is_not_a_stream_event_with_sequence_numbers_is_refused_whole(string body)
    {
        Assert.Throws<MalformedStreamEventException>(() => DynamoDbStreamParser.Parse(body));
    }
}
