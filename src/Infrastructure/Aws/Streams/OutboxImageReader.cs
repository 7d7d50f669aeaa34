using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using ShoppingCart.Application.Outbox;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>
/// Reads an outbox item image (the attributes the DynamoDB cart store writes, named in <c>DynamoDbSchema.Outbox</c>)
/// back into an <see cref="OutboxRecord"/>, or says which attributes are missing or wrong.
/// </summary>
public static class OutboxImageReader
{
    public static bool TryRead(
        IReadOnlyDictionary<string, StreamAttributeValue> image,
        [NotNullWhen(true)] out OutboxRecord? record,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(image);
        var problems = new List<string>();

        var cartId = Text(Schema.PartitionKey);
        var eventId = Text(Schema.EventId);
        var eventType = Text(Schema.EventType);
        var schemaVersion = Number(Schema.SchemaVersion, int.MaxValue);
        var occurredAt = Timestamp(Schema.OccurredAt);
        var cartVersion = Number(Schema.CartVersion, long.MaxValue);
        var eventIndex = Number(Schema.EventIndex, int.MaxValue);
        var correlationId = Text(Schema.CorrelationId);
        var payload = Text(Schema.Payload);

        if (problems.Count == 0 && !IsJsonObject(payload))
        {
            problems.Add($"{Schema.Payload} is not a JSON object");
        }

        if (problems.Count > 0)
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
            if (image.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.S))
            {
                return value.S;
            }

            problems.Add($"{name} is not a non-empty string (S)");
            return string.Empty;
        }

        long Number(string name, long max)
        {
            if (image.TryGetValue(name, out var value)
                && long.TryParse(value.N, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number <= max)
            {
                return number;
            }

            problems.Add($"{name} is not a non-negative whole number (N) up to {max}");
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

            problems.Add($"{name} is not an ISO 8601 round-trip timestamp");
            return default;
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
