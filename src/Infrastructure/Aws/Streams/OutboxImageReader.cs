using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ShoppingCart.Application.Outbox;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>
/// Reads an outbox item image (the attributes the DynamoDB cart store writes, named in <c>DynamoDbSchema.Outbox</c>)
/// back into an <see cref="OutboxRecord"/>, or says which attributes are missing or wrong. Attributes it does not
/// read (keys, TTL, anything added later) may hold any type.
/// </summary>
public static class OutboxImageReader
{
    /// <param name="image">The <c>NewImage</c> map: attribute name → <c>{"S": …}</c>, <c>{"N": …}</c>, ….</param>
    public static bool TryRead(JsonElement image, [NotNullWhen(true)] out OutboxRecord? record, [NotNullWhen(false)] out string? problem)
    {
        List<string>? problems = null;

        var cartId = Text(Schema.PartitionKey);
        var eventId = Text(Schema.EventId);
        var eventType = Text(Schema.EventType);
        var schemaVersion = Number(Schema.SchemaVersion, int.MaxValue);
        var occurredAt = Timestamp(Schema.OccurredAt);
        var cartVersion = Number(Schema.CartVersion, long.MaxValue);
        var eventIndex = Number(Schema.EventIndex, int.MaxValue);
        var correlationId = Text(Schema.CorrelationId);
        var payload = Text(Schema.Payload);

        if (problems is null && !IsJsonObject(payload))
        {
            (problems = []).Add($"{Schema.Payload} is not a JSON object");
        }

        if (problems is not null)
        {
            record = null;
            problem = $"Not an outbox record: {string.Join("; ", problems)}.";
            return false;
        }

        record = new OutboxRecord(eventId, eventType, (int)schemaVersion, occurredAt, cartId, cartVersion, (int)eventIndex, correlationId, payload);
        problem = null;
        return true;

        string Text(string name)
        {
            if (Typed(name, "S") is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            (problems ??= []).Add($"{name} is not a non-empty string (S)");
            return string.Empty;
        }

        long Number(string name, long max)
        {
            if (Typed(name, "N") is { ValueKind: JsonValueKind.String } value
                && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number <= max)
            {
                return number;
            }

            (problems ??= []).Add($"{name} is not a non-negative whole number (N) up to {max}");
            return 0;
        }

        DateTimeOffset Timestamp(string name)
        {
            var text = Text(name);
            if (text.Length == 0)
            {
                return default;
            }

            if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
            {
                return timestamp.ToUniversalTime();
            }

            (problems ??= []).Add($"{name} is not an ISO 8601 round-trip timestamp");
            return default;
        }

        JsonElement? Typed(string name, string type) =>
            image.ValueKind == JsonValueKind.Object
            && image.TryGetProperty(name, out var attribute)
            && attribute.ValueKind == JsonValueKind.Object
            && attribute.TryGetProperty(type, out var value)
                ? value
                : null;
    }

    /// <summary>Checks the payload is one JSON object without building a document: a reader walks it once.</summary>
    private static bool IsJsonObject(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
