using Microsoft.Data.Sqlite;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>Reads the embedded SQLite file directly, to check what a request wrote (or did not write).</summary>
public sealed class StoredState(string databasePath)
{
    public long CartCount() => Count("carts");

    public long OutboxCount() => Count("outbox");

    public long DeadLetterCount() => Count("dead_letters");

    /// <summary>The event id of each outbox record of a cart, in version order.</summary>
    public IReadOnlyList<string> OutboxEventIds(string cartId) => OutboxColumn("event_id", cartId);

    /// <summary>The correlation id of each outbox record of a cart, in version order.</summary>
    public IReadOnlyList<string> OutboxCorrelationIds(string cartId) => OutboxColumn("correlation_id", cartId);

    private List<string> OutboxColumn(string column, string cartId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM outbox WHERE cart_id = $cartId ORDER BY cart_version, event_index";
        command.Parameters.AddWithValue("$cartId", cartId);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private long Count(string table)
    {
        if (!File.Exists(databasePath))
        {
            return 0;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
