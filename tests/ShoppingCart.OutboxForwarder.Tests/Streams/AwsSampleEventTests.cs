using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Aws.Streams;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.Streams;

/// <summary>The event shapes Lambda really sends (AWS's own samples): every attribute type read, foreign records never a crash.</summary>
public sealed class AwsSampleEventTests
{
    private static readonly string SampleEvent = Fixture.Read("dynamodb-stream-event.json");

    [Fact]
    public void Every_attribute_value_type_of_the_sample_insert_is_read()
    {
        var insert = SampleRecord(0);

        Assert.Equal("INSERT", insert.EventName);
        Assert.Equal("f07f8ca4b0b26cb9c4e5e77e69f274ee", insert.EventId);
        Assert.Equal("1.1", insert.EventVersion);
        Assert.Equal("aws:dynamodb", insert.EventSource);
        Assert.Equal("us-east-1", insert.AwsRegion);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/Example-Table/stream/2016-12-01T00:00:00.000", insert.EventSourceArn);
        Assert.Null(insert.UserIdentity);

        var change = insert.Dynamodb!;
        Assert.Equal(1480642020d, change.ApproximateCreationDateTime);
        Assert.Equal("1405400000000002063282832", change.SequenceNumber);
        Assert.Equal(54, change.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", change.StreamViewType);
        Assert.Equal("binary", change.Keys!["key"].S);
        Assert.Equal("data", change.Keys["val"].S);

        var image = change.NewImage!;
        Assert.Equal("data", image["val"].S);
        Assert.Equal(new byte[] { 0x00, 0x01, 0x2A, 0x41 }, image["asdf1"].B!.Value.ToArray());
        Assert.Equal([new byte[] { 0x00, 0x01, 0x2A, 0x41 }, new byte[] { 0x41, 0x2A, 0x01, 0x00 }], image["asdf2"].BS!.Select(b => b.ToArray()));
        Assert.Empty(image["misc1"].L!);

        var map = image["misc2"].M!;
        Assert.Empty(map["ItemsEmpty"].L!);
        var list = map["ItemsNonEmpty"].L!;
        Assert.Equal(["Cookies", "Coffee"], list.Take(2).Select(item => item.S));
        Assert.Equal("3.14159", list[2].N);
        Assert.False(map["ItemBoolean"].BOOL);
        Assert.Equal(["0", "50", "150"], map["ItemNumberSet"].NS!);
        Assert.True(map["ItemNull"].NULL);
        Assert.Equal(["Hippo", "Zebra"], map["ItemStringSet"].SS!);
    }

    [Fact]
    public void The_sample_remove_is_recognised_as_a_time_to_live_deletion()
    {
        var remove = SampleRecord(1);

        Assert.Equal("REMOVE", remove.EventName);
        Assert.True(remove.IsTimeToLiveDeletion);
        Assert.Equal("Service", remove.UserIdentity!.Type);
        Assert.Null(remove.Dynamodb!.NewImage);
        Assert.Equal("data", remove.Dynamodb.OldImage!["val"].S);
        Assert.Equal("OLD_IMAGE", remove.Dynamodb.StreamViewType);
        Assert.False(SampleRecord(0).IsTimeToLiveDeletion);
    }

    [Fact]
    public void The_sample_event_gives_its_foreign_insert_as_unreadable_and_skips_the_time_to_live_deletion()
    {
        var batch = DynamoDbStreamParser.Parse(SampleEvent);

        Assert.Equal(2, batch.RecordCount);
        Assert.Equal(1, batch.SkippedCount);
        Assert.Equal(1, batch.TimeToLiveDeletionCount);
        var entry = Assert.Single(batch.Entries);
        Assert.Null(entry.Record);
        Assert.Equal("1405400000000002063282832", entry.Position);
        Assert.StartsWith("Not an outbox record:", entry.UnreadableReason, StringComparison.Ordinal);
        Assert.Contains("eventId", entry.UnreadableReason, StringComparison.Ordinal);
        Assert.Contains("cartId", entry.UnreadableReason, StringComparison.Ordinal);

        // The whole record is kept for the dead letter, exactly as Lambda sent it.
        using var sample = JsonDocument.Parse(SampleEvent);
        Assert.Equal(sample.RootElement.GetProperty("Records")[0].GetRawText(), entry.RawContent);
    }

    [Fact]
    public void Our_answer_has_the_shape_of_the_sample_batch_item_failures_response()
    {
        var report = new ForwardReport([
            new ForwardOutcome(FeedEntry.Unreadable("1405400000000002063282832", "{}", "x"), ForwardStatus.RetryLater),
        ]);

        var ours = JsonSerializer.Serialize(BatchItemFailuresResponse.From(report), DynamoDbStreamJsonContext.Default.BatchItemFailuresResponse);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixture.Read("dynamodb-batchitemfailures-response.json")), JsonNode.Parse(ours)));
    }

    private static DynamoDbStreamRecord SampleRecord(int index)
    {
        using var sample = JsonDocument.Parse(SampleEvent);
        return sample.RootElement.GetProperty("Records")[index].Deserialize(DynamoDbStreamJsonContext.Default.DynamoDbStreamRecord)!;
    }
}
