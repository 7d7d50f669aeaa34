using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>The one way a row enters the dead-letter table, shared by the dead-letter queue and the relay's give-up.</summary>
internal static class DeadLetterRows
{
    /// <summary>Stores the entry whole; a second insert for the same outbox sequence is ignored (dead-lettering is idempotent).</summary>
    public static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction? transaction, FeedEntry entry, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO dead_letters (sequence, event_id, cart_id, event_type, raw_content, reason, dead_lettered_at)
            VALUES ($sequence, $eventId, $cartId, $eventType, $raw, $reason, $now)
            ON CONFLICT (sequence) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$sequence", OutboxPositions.Parse(entry.Position));
        command.Parameters.AddWithValue("$eventId", (object?)entry.Record?.EventId ?? DBNull.Value);
        command.Parameters.AddWithValue("$cartId", (object?)entry.Record?.CartId ?? DBNull.Value);
        command.Parameters.AddWithValue("$eventType", (object?)entry.Record?.EventType ?? DBNull.Value);
        command.Parameters.AddWithValue("$raw", entry.RawContent);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$now", Timestamps.Format(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
