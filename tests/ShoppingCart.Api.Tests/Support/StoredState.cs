using Microsoft.Data.Sqlite;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>Reads the embedded SQLite file directly, to check what a request wrote (or did not write).</summary>
public sealed class StoredState(string databasePath)
{
    public long CartCount() => Count("carts");

    public long OutboxCount() => Count("outbox");

    public long DeadLetterCount() => Count("dead_letters");

    /// <summary>The event id of each outbox record of a cart, in version order.</summary>
    public IReadOnlyList<string> OutboxEventIds(string cartId) => OutboxColumn("event_id", cartId, reader => reader.GetString(0));

    /// <summary>The correlation id of each outbox record of a cart, in version order.</summary>
    public IReadOnlyList<string> OutboxCorrelationIds(string cartId) => OutboxColumn("correlation_id", cartId, reader => reader.GetString(0));

    /// <summary>The cart versions of a cart's outbox records, in order.</summary>
    public IReadOnlyList<long> OutboxVersions(string cartId) => OutboxColumn("cart_version", cartId, reader => reader.GetInt64(0));

    private List<T> OutboxColumn<T>(string column, string cartId, Func<SqliteDataReader, T> read)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM outbox WHERE cart_id = $cartId ORDER BY cart_version, event_index";
        command.Parameters.AddWithValue("$cartId", cartId);
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(read(reader));
        }

        return values;
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
