using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// Turns an outbox row into an <see cref="FeedEntry"/>. The raw content is the whole row as a JSON object (column
/// name to value), so a dead letter holds everything needed to replay it even when the row could not be parsed.
/// </summary>
internal static class OutboxRowReader
{
    public const string Columns =
        "sequence, event_id, event_type, schema_version, occurred_at, cart_id, cart_version, event_index, correlation_id, payload, expires_at";

    public static FeedEntry Read(SqliteDataReader row)
    {
        var position = OutboxPositions.Format(row.GetInt64(0));
        var raw = RawContent(row);
        try
        {
            var record = new OutboxRecord(
                EventId: row.GetString(1),
                EventType: row.GetString(2),
                SchemaVersion: row.GetInt32(3),
                OccurredAt: Timestamps.Parse(row.GetString(4)),
                CartId: row.GetString(5),
                CartVersion: row.GetInt64(6),
                EventIndex: row.GetInt32(7),
                CorrelationId: row.GetString(8),
                Payload: row.GetString(9));
            return FeedEntry.Readable(position, record, raw);
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException)
        {
            return FeedEntry.Unreadable(position, raw, $"Unreadable outbox row {position}: {exception.Message}");
        }
    }

    private static string RawContent(SqliteDataReader row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < row.FieldCount; i++)
            {
                json.WritePropertyName(row.GetName(i));
                switch (row.GetValue(i))
                {
                    case long number:
                        json.WriteNumberValue(number);
                        break;
                    case double number:
                        json.WriteNumberValue(number);
                        break;
                    case byte[] bytes:
                        json.WriteBase64StringValue(bytes);
                        break;
                    case DBNull:
                        json.WriteNullValue();
                        break;
                    case var value:
                        json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
