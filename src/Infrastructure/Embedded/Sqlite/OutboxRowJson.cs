using System.Globalization;
using System.Text.Json;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// Reads back the raw content a dead letter keeps (the outbox row as a JSON object of column name to value, written by
/// <see cref="OutboxRowReader"/>) into the entry it was, so it can be published again exactly as the relay would have.
/// </summary>
internal static class OutboxRowJson
{
    public static FeedEntry Read(long sequence, string rawContent)
    {
        var position = OutboxPositions.Format(sequence);
        try
        {
            using var document = JsonDocument.Parse(rawContent);
            var row = document.RootElement;
            var record = new OutboxRecord(
                EventId: row.GetProperty("event_id").GetString()!,
                EventType: row.GetProperty("event_type").GetString()!,
                SchemaVersion: row.GetProperty("schema_version").GetInt32(),
                OccurredAt: Timestamps.Parse(row.GetProperty("occurred_at").GetString()!),
                CartId: row.GetProperty("cart_id").GetString()!,
                CartVersion: row.GetProperty("cart_version").GetInt64(),
                EventIndex: row.GetProperty("event_index").GetInt32(),
                CorrelationId: row.GetProperty("correlation_id").GetString()!,
                Payload: row.GetProperty("payload").GetString()!);
            return FeedEntry.Readable(position, record, rawContent);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException)
        {
            return FeedEntry.Unreadable(position, rawContent, string.Create(CultureInfo.InvariantCulture, $"Unreadable dead letter {sequence}: {exception.Message}"));
        }
    }
}
