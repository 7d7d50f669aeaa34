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
    public void Every_attribute_value_type_of_the_sample_insert_beside_an_outbox_item_leaves_it_readable()
    {
        // The sample's image holds every attribute type (B, BS, L, M, BOOL, NS, NULL, SS); ours ignores what it does not read.
        var record = CartStories.Created(1);
        var image = StreamEventBuilder.ImageOf(record);
        foreach (var (name, value) in SampleRecord(0)["dynamodb"]!["NewImage"]!.AsObject())
        {
            image[name] = value!.DeepClone();
        }

        var entry = DynamoDbStreamParser.Parse(new StreamEventBuilder().InsertImage(record, image).Build()).Entries.Single();

        Assert.Null(entry.UnreadableReason);
        Assert.Equal(record, entry.Record);
    }

    [Fact]
    public void The_sample_remove_is_recognised_as_a_time_to_live_deletion_and_its_creation_time_is_read()
    {
        var batch = DynamoDbStreamParser.Parse(new JsonObject { ["Records"] = new JsonArray(SampleRecord(1).DeepClone()) }.ToJsonString());

        Assert.Equal(1, batch.SkippedCount);
        Assert.Equal(1, batch.TimeToLiveDeletionCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1480642020), batch.OldestChangeAt);
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

    private static JsonNode SampleRecord(int index) => JsonNode.Parse(SampleEvent)!["Records"]![index]!;
}
