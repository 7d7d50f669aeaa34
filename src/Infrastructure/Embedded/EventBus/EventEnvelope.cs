using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.EventBus;

/// <summary>
/// The event as EventBridge delivers it to a target (and as the CloudWatch log group records it), written as one JSON
/// line: <c>version, id, detail-type, source, account, time, region, resources, detail</c>. Like EventBridge, which
/// assigns the envelope id on every PutEvents ("After you call PutEvents, EventBridge assigns each event a unique ID"),
/// each publish gets a fresh id: a republished event has a new one. Consumers dedupe on <c>detail.metadata.eventId</c>.
/// </summary>
public static class EventEnvelope
{
    public const string Account = "000000000000";
    public const string Region = "local";

    /// <summary>The envelope as one line of JSON; false, with why, when the payload is not a JSON object.</summary>
    public static bool TryFormat(OutboxRecord record, string source, Guid envelopeId, [NotNullWhen(true)] out string? line, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonDocument detail;
        try
        {
            detail = JsonDocument.Parse(record.Payload);
        }
        catch (JsonException exception)
        {
            (line, error) = (null, $"Detail is not valid JSON: {exception.Message}");
            return false;
        }

        using (detail)
        {
            if (detail.RootElement.ValueKind != JsonValueKind.Object)
            {
                (line, error) = (null, "Detail must be a JSON object.");
                return false;
            }

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("version", "0");
                json.WriteString("id", envelopeId);
                json.WriteString("detail-type", record.EventType);
                json.WriteString("source", source);
                json.WriteString("account", Account);
                json.WriteString("time", record.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("region", Region);
                json.WriteStartArray("resources");
                json.WriteEndArray();
                json.WritePropertyName("detail");
                detail.RootElement.WriteTo(json);
                json.WriteEndObject();
            }

            (line, error) = (Encoding.UTF8.GetString(buffer.ToArray()), null);
            return true;
        }
    }
}
