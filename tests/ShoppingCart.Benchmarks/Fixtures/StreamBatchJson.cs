using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ShoppingCart.Application.Outbox;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.Benchmarks.Fixtures;

/// <summary>
/// DynamoDB stream events as Lambda hands them to the forwarder: INSERT records with the NEW_IMAGE of our outbox items
/// (attribute names from <c>DynamoDbSchema.Outbox</c>), one item per outbox record.
/// </summary>
internal static class StreamBatchJson
{
    /// <summary>A batch of <paramref name="size"/> INSERT records, one typical event each for as many carts.</summary>
    public static string Typical(int size, int batchNumber)
    {
        var records = Enumerable.Range(0, size)
            .Select(i => SampleCarts.ItemsAddedRecord(new Domain.Carts.CartId(Guid.CreateVersion7()), storedVersion: 1 + (batchNumber % 1000)))
            .ToList();
        return Of(records, firstSequence: ((long)batchNumber * size) + 1);
    }

    public static string Of(IReadOnlyList<OutboxRecord> records, long firstSequence)
    {
        var items = new JsonArray();
        for (var i = 0; i < records.Count; i++)
        {
            items.Add(Insert(records[i], firstSequence + i));
        }

        return new JsonObject { ["Records"] = items }.ToJsonString();
    }

    private static JsonObject Insert(OutboxRecord record, long sequence)
    {
        var image = new JsonObject
        {
            [Schema.PartitionKey] = S(record.CartId),
            [Schema.SortKey] = S(Schema.EventKeyFor(record.CartVersion, record.EventIndex)),
            [Schema.EventId] = S(record.EventId),
            [Schema.EventType] = S(record.EventType),
            [Schema.SchemaVersion] = N(record.SchemaVersion),
            [Schema.OccurredAt] = S(record.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            [Schema.CartVersion] = N(record.CartVersion),
            [Schema.EventIndex] = N(record.EventIndex),
            [Schema.CorrelationId] = S(record.CorrelationId),
            [Schema.Payload] = S(record.Payload),
            [Schema.TimeToLiveAttribute] = N(record.OccurredAt.AddDays(2).ToUnixTimeSeconds()),
        };
        return new JsonObject
        {
            ["eventID"] = sequence.ToString("x32", CultureInfo.InvariantCulture),
            ["eventName"] = "INSERT",
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "us-east-1",
            ["dynamodb"] = new JsonObject
            {
                ["ApproximateCreationDateTime"] = record.OccurredAt.ToUnixTimeSeconds(),
                ["Keys"] = new JsonObject
                {
                    [Schema.PartitionKey] = S(record.CartId),
                    [Schema.SortKey] = S(Schema.EventKeyFor(record.CartVersion, record.EventIndex)),
                },
                ["NewImage"] = image,
                ["SequenceNumber"] = "4" + sequence.ToString("D20", CultureInfo.InvariantCulture),
                ["SizeBytes"] = Encoding.UTF8.GetByteCount(image.ToJsonString()),
                ["StreamViewType"] = Schema.StreamViewType,
            },
            ["eventSourceARN"] = "arn:aws:dynamodb:us-east-1:000000000000:table/shopping-cart-outbox/stream/2026-01-01T00:00:00.000",
        };
    }

    private static JsonObject S(string value) => new() { ["S"] = value };

    private static JsonObject N(long value) => new() { ["N"] = value.ToString(CultureInfo.InvariantCulture) };
}
