using Microsoft.Data.Sqlite;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>Which SQLite errors are worth retrying.</summary>
internal static class SqliteFaults
{
    private const int Busy = 5;   // SQLITE_BUSY: another connection holds the write lock past the busy timeout
    private const int Locked = 6; // SQLITE_LOCKED: a conflict inside this process's shared cache

    public static bool IsTransient(SqliteException exception) => exception.SqliteErrorCode is Busy or Locked;
}
