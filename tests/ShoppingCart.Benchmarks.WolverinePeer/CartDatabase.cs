using Microsoft.Data.Sqlite;

namespace ShoppingCart.Benchmarks.WolverinePeer;

/// <summary>
/// The cart table in one SQLite file, WAL, every connection at <c>synchronous=FULL</c> with SQLite's own busy handler
/// (the service's connection settings for carts). Wolverine's envelope tables live in the same file, so one
/// transaction covers both.
/// </summary>
public sealed class CartDatabase(string path)
{
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public void CreateSchema()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS carts (
                cart_id     TEXT    NOT NULL PRIMARY KEY,
                customer_id TEXT    NOT NULL,
                lines       TEXT    NOT NULL,
                version     INTEGER NOT NULL,
                updated_at  TEXT    NOT NULL
            ) STRICT;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// An open pooled connection. <c>busy_timeout</c> as the service's store sets it: a writer meeting Wolverine's own
    /// writers waits in SQLite's busy handler rather than only in Microsoft.Data.Sqlite's retry loop.
    /// </summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        command.ExecuteNonQuery();
        return connection;
    }
}
