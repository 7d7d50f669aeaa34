using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ShoppingCart.Application.Outbox;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>
/// Writes DynamoDB stream events as Lambda delivers them for our outbox table (NEW_IMAGE view), built independently of
/// the production contract types so a test cannot agree with the code by sharing its mistakes.
/// </summary>
internal sealed class StreamEventBuilder
{
    private const string Region = "eu-west-1";
    private const string StreamArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/shopping-cart-outbox/stream/2026-11-30T00:00:00.000";

    private readonly JsonArray _records = [];
    private long _next = 1;

    /// <summary>Sequence numbers of the records added, in order.</summary>
    public List<string> SequenceNumbers { get; } = [];

    /// <summary>21 digits, as in real streams: string order is numeric order.</summary>
    public static string SequenceNumber(long n) => "4" + n.ToString("D20", CultureInfo.InvariantCulture);

    public StreamEventBuilder Insert(params IEnumerable<OutboxRecord> records)
    {
        foreach (var record in records)
        {
            Add("INSERT", record, ImageOf(record));
        }

        return this;
    }

    /// <summary>An INSERT whose new image is whatever the test says.</summary>
    public StreamEventBuilder InsertImage(OutboxRecord keysFrom, JsonObject newImage) => Add("INSERT", keysFrom, newImage);

    public StreamEventBuilder Modify(OutboxRecord record) => Add("MODIFY", record, ImageOf(record));

    /// <summary>A REMOVE: by DynamoDB's TTL process (with its userIdentity) or by an application.</summary>
    public StreamEventBuilder Remove(OutboxRecord record, bool byTimeToLive)
    {
        Add("REMOVE", record, newImage: null);
        if (byTimeToLive)
        {
            _records[^1]!["userIdentity"] = new JsonObject { ["type"] = "Service", ["principalId"] = "dynamodb.amazonaws.com" };
        }

        return this;
    }

    public string Build() => new JsonObject { ["Records"] = _records.DeepClone() }.ToJsonString();

    /// <summary>The item the DynamoDB cart store writes for an outbox record, as a stream image.</summary>
    public static JsonObject ImageOf(OutboxRecord record) => new()
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
        [Schema.TimeToLiveAttribute] = N(record.OccurredAt.AddDays(7).ToUnixTimeSeconds()),
    };

    public static JsonObject S(string value) => new() { ["S"] = value };

    public static JsonObject N(long value) => new() { ["N"] = value.ToString(CultureInfo.InvariantCulture) };

    private StreamEventBuilder Add(string eventName, OutboxRecord keysFrom, JsonObject? newImage)
    {
        var number = _next++;
        var sequenceNumber = SequenceNumber(number);
        SequenceNumbers.Add(sequenceNumber);
        var change = new JsonObject
        {
            ["ApproximateCreationDateTime"] = keysFrom.OccurredAt.ToUnixTimeSeconds(),
            ["Keys"] = new JsonObject
            {
                [Schema.PartitionKey] = S(keysFrom.CartId),
                [Schema.SortKey] = S(Schema.EventKeyFor(keysFrom.CartVersion, keysFrom.EventIndex)),
            },
        };
        if (newImage is not null)
        {
            change["NewImage"] = newImage;
        }

        change["SequenceNumber"] = sequenceNumber;
        change["SizeBytes"] = Encoding.UTF8.GetByteCount(newImage?.ToJsonString() ?? "{}");
        change["StreamViewType"] = "NEW_IMAGE";

        _records.Add(new JsonObject
        {
            ["eventID"] = number.ToString("x32", CultureInfo.InvariantCulture),
            ["eventName"] = eventName,
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = Region,
            ["dynamodb"] = change,
            ["eventSourceARN"] = StreamArn,
        });
        return this;
    }
}
