using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>
/// Turns the DynamoDB stream event Lambda delivers into outbox entries, in stream order. INSERT records become entries:
/// readable when they hold an outbox item, unreadable (to be dead-lettered whole, never a crash) when they do not.
/// MODIFY and REMOVE records (TTL expiries among them) carry nothing to publish and are skipped.
/// </summary>
/// <remarks>
/// Each record is read once, in place, and only for what is used: <c>eventName</c>, <c>dynamodb.SequenceNumber</c>,
/// <c>dynamodb.NewImage</c>, <c>dynamodb.ApproximateCreationDateTime</c> and <c>userIdentity</c>. Whatever else a
/// record holds, of whatever type, cannot make a good record unreadable. A record's raw JSON is kept as a slice of the
/// body and only turned into text if it is dead-lettered.
/// </remarks>
public static class DynamoDbStreamParser
{
    public const string Insert = "INSERT";
    public const string Modify = "MODIFY";
    public const string Remove = "REMOVE";

    /// <summary>The principal DynamoDB's TTL process uses: a REMOVE by it is an expiry, not an application delete.</summary>
    public const string TimeToLivePrincipal = "dynamodb.amazonaws.com";

    /// <param name="length">The body's length when known (Content-Length), to read it into one array of that size.</param>
    public static async Task<StreamBatch> ParseAsync(Stream json, long? length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(await ReadBodyAsync(json, length, cancellationToken));
    }

    public static StreamBatch Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses a UTF-8 body; the entries keep slices of it, so it must not change afterwards.</summary>
    public static StreamBatch Parse(ReadOnlyMemory<byte> body)
    {
        using var document = ParseDocument(body);
        var records = RecordsOf(document.RootElement);
        var entries = new List<FeedEntry>(records.GetArrayLength());
        int count = 0, skipped = 0, expired = 0;
        DateTimeOffset? oldest = null;
        foreach (var record in records.EnumerateArray())
        {
            var position = PositionOf(record, count++);
            oldest = Earliest(oldest, CreatedAt(record));
            var kind = KindOf(record);
            if (kind is Modify or Remove)
            {
                skipped++;
                expired += kind == Remove && IsTimeToLiveDeletion(record) ? 1 : 0;
                continue;
            }

            // Anything that is not plainly a change without news is kept: an unknown kind of record is dead-lettered
            // for someone to look at rather than dropped unseen.
            var raw = SliceOf(body, record);
            entries.Add(kind == Insert
                ? ToEntry(position, record, raw)
                : FeedEntry.Unreadable(position, raw, $"Unknown stream record kind '{kind}'."));
        }

        return new StreamBatch(entries, count, skipped, expired, oldest);
    }

    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new MalformedStreamEventException("The body is not JSON.", exception);
        }
    }

    private static JsonElement RecordsOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array
            ? records
            : throw new MalformedStreamEventException("The body is not a DynamoDB stream event: it has no Records array.");

    /// <summary>The sequence number Lambda's <c>batchItemFailures</c> names; without one the whole batch is refused.</summary>
    private static string PositionOf(JsonElement record, int index) =>
        Change(record) is { } change && Text(change, "SequenceNumber") is { Length: > 0 } sequence
            ? sequence
            : throw new MalformedStreamEventException($"Record {index} has no dynamodb.SequenceNumber, so it could not be reported back.");

    private static string? KindOf(JsonElement record) => record.ValueKind == JsonValueKind.Object ? Text(record, "eventName") : null;

    private static bool IsTimeToLiveDeletion(JsonElement record) =>
        record.TryGetProperty("userIdentity", out var identity)
        && identity.ValueKind == JsonValueKind.Object
        && Text(identity, "principalId") == TimeToLivePrincipal;

    /// <summary>
    /// When the change was made, to the second: epoch seconds as AWS sends it, or an ISO 8601 string as some tools
    /// rewrite it (AWS, "StreamRecord - Amazon DynamoDB", API reference). Anything else reads as unknown.
    /// </summary>
    private static DateTimeOffset? CreatedAt(JsonElement record)
    {
        if (Change(record) is not { } change || !change.TryGetProperty("ApproximateCreationDateTime", out var created))
        {
            return null;
        }

        return created.ValueKind switch
        {
            JsonValueKind.Number when created.TryGetDouble(out var seconds) => FromEpochSeconds(seconds),
            JsonValueKind.String when double.TryParse(created.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) => FromEpochSeconds(seconds),
            JsonValueKind.String when created.TryGetDateTimeOffset(out var instant) => instant.ToUniversalTime(),
            _ => null,
        };
    }

    private static DateTimeOffset? FromEpochSeconds(double seconds) =>
        seconds is >= 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static FeedEntry ToEntry(string position, JsonElement record, ReadOnlyMemory<byte> raw)
    {
        if (Change(record) is not { } change || !change.TryGetProperty("NewImage", out var image))
        {
            return FeedEntry.Unreadable(position, raw, "INSERT record without NewImage: the stream must carry new images (NEW_IMAGE or NEW_AND_OLD_IMAGES).");
        }

        if (image.ValueKind != JsonValueKind.Object)
        {
            return FeedEntry.Unreadable(position, raw, "Not a DynamoDB stream record: dynamodb.NewImage is not a map of attributes.");
        }

        return OutboxImageReader.TryRead(image, out var outboxRecord, out var problem)
            ? FeedEntry.Readable(position, outboxRecord, raw)
            : FeedEntry.Unreadable(position, raw, problem);
    }

    private static JsonElement? Change(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("dynamodb", out var change) && change.ValueKind == JsonValueKind.Object
            ? change
            : null;

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The record's own bytes within the body (the document was parsed in place, so its spans point into it).</summary>
    private static ReadOnlyMemory<byte> SliceOf(ReadOnlyMemory<byte> body, JsonElement record)
    {
        var span = JsonMarshal.GetRawUtf8Value(record);
        var offset = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(body.Span), ref MemoryMarshal.GetReference(span));
        return body.Slice(offset, span.Length);
    }

    /// <summary>The whole body in one array: the entries' raw slices point into it.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(Stream json, long? length, CancellationToken cancellationToken)
    {
        var expected = length ?? (json.CanSeek ? json.Length - json.Position : 0);
        using var buffer = new MemoryStream((int)Math.Clamp(expected, 0, Array.MaxLength));
        await json.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
