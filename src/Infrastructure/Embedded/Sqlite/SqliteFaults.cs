using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// Which SQLite errors a caller can act on. A failed write is never half-written: SQLite's commit is atomic, and a
/// statement or COMMIT that fails (busy, full) leaves the transaction to be rolled back, so its outcome is always known.
/// </summary>
internal static class SqliteFaults
{
    private const int Busy = 5;   // SQLITE_BUSY: another connection holds the write lock past the busy timeout
    private const int Locked = 6; // SQLITE_LOCKED: a conflict inside this process's shared cache
    private const int Full = 13;  // SQLITE_FULL: "database or disk is full" (no space, or the max_page_count limit)

    public static bool IsTransient(SqliteException exception) => exception.SqliteErrorCode is Busy or Locked;

    /// <summary>The exception a failed save becomes, or null when it is not one a client can act on (it stays a fault).</summary>
    public static Exception? ForSave(Exception exception, string cart) => exception switch
    {
        TimeoutException => BusyStore(cart, exception),
        SqliteException sqlite when IsTransient(sqlite) => BusyStore(cart, exception),
        SqliteException { SqliteErrorCode: Full } => new StorageFullException($"The cart store's disk is full; cart {cart} was not saved.", exception),
        _ => null,
    };

    private static TransientStoreException BusyStore(string cart, Exception exception) =>
        new($"The cart store was busy; cart {cart} was not saved.", exception);
}
