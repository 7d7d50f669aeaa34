using System.Text.Json;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>
/// Turns the DynamoDB stream event Lambda delivers into outbox entries, in stream order. INSERT records become entries:
/// readable when they hold an outbox item, unreadable (to be dead-lettered whole, never a crash) when they do not.
/// MODIFY and REMOVE records (TTL expiries among them) carry nothing to publish and are skipped.
/// </summary>
public static class DynamoDbStreamParser
{
    public static async Task<StreamBatch> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new MalformedStreamEventException("The body is not JSON.", exception);
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    public static StreamBatch Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new MalformedStreamEventException("The body is not JSON.", exception);
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    private static StreamBatch Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Records", out var records)
            || records.ValueKind != JsonValueKind.Array)
        {
            throw new MalformedStreamEventException("The body is not a DynamoDB stream event: it has no Records array.");
        }

        var entries = new List<FeedEntry>(records.GetArrayLength());
        int count = 0, skipped = 0, expired = 0;
        foreach (var element in records.EnumerateArray())
        {
            var position = SequenceNumberOf(element)
                ?? throw new MalformedStreamEventException($"Record {count} has no dynamodb.SequenceNumber, so it could not be reported back.");
            count++;

            var raw = element.GetRawText();
            DynamoDbStreamRecord? record;
            try
            {
                record = element.Deserialize(DynamoDbStreamJsonContext.Default.DynamoDbStreamRecord);
            }
            catch (JsonException exception)
            {
                if (IsChangeOtherThanInsert(element))
                {
                    skipped++;
                }
                else
                {
                    entries.Add(FeedEntry.Unreadable(position, raw, $"Not a DynamoDB stream record: {exception.Message}"));
                }

                continue;
            }

            if (record?.EventName is DynamoDbStreamRecord.Modify or DynamoDbStreamRecord.Remove)
            {
                skipped++;
                expired += record.IsTimeToLiveDeletion ? 1 : 0;
                continue;
            }

            // Anything that is not plainly a change without news is kept: an unknown kind of record is dead-lettered
            // for someone to look at rather than dropped unseen.
            entries.Add(record?.EventName == DynamoDbStreamRecord.Insert
                ? ToEntry(position, record, raw)
                : FeedEntry.Unreadable(position, raw, $"Unknown stream record kind '{record?.EventName}'."));
        }

        return new StreamBatch(entries, count, skipped, expired);
    }

    private static FeedEntry ToEntry(string position, DynamoDbStreamRecord record, string raw)
    {
        if (record.Dynamodb?.NewImage is not { } image)
        {
            return FeedEntry.Unreadable(position, raw, "INSERT record without NewImage: the stream must carry new images (NEW_IMAGE or NEW_AND_OLD_IMAGES).");
        }

        return OutboxImageReader.TryRead(image, out var outboxRecord, out var problem)
            ? FeedEntry.Readable(position, outboxRecord, raw)
            : FeedEntry.Unreadable(position, raw, problem);
    }

    private static string? SequenceNumberOf(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object
        && record.TryGetProperty("dynamodb", out var change)
        && change.ValueKind == JsonValueKind.Object
        && change.TryGetProperty("SequenceNumber", out var sequence)
        && sequence.ValueKind == JsonValueKind.String
        && !string.IsNullOrEmpty(sequence.GetString())
            ? sequence.GetString()
            : null;

    private static bool IsChangeOtherThanInsert(JsonElement record) =>
        record.TryGetProperty("eventName", out var name)
        && name.ValueKind == JsonValueKind.String
        && name.GetString() is DynamoDbStreamRecord.Modify or DynamoDbStreamRecord.Remove;
}
