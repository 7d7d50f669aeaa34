using Microsoft.Data.Sqlite;

namespace ShoppingCart.Benchmarks.WolverinePeer;

/// <summary>
/// The cart table in one SQLite file, WAL, every connection at <c>synchronous=FULL</c> (the service's durability for
/// carts). Wolverine's envelope tables live in the same file, so one transaction covers both.
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

    /// <summary>An open pooled connection. Microsoft.Data.Sqlite retries a busy database until the command timeout.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL;";
        command.ExecuteNonQuery();
        return connection;
    }
}
