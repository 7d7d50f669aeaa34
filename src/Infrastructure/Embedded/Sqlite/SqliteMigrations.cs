using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// The schema as numbered steps. The file's <c>PRAGMA user_version</c> records the last step applied, so a file written
/// by an older build is upgraded in place on open, and a file from a newer build is refused instead of misread.
/// </summary>
public static class SqliteMigrations
{
    public static readonly IReadOnlyList<SqliteMigration> All =
    [
        new(1, "carts and the transactional outbox", """
            CREATE TABLE carts (
                cart_id     TEXT    NOT NULL PRIMARY KEY,
                customer_id TEXT    NOT NULL,
                status      TEXT    NOT NULL,
                lines       TEXT    NOT NULL, -- JSON array of {"sku", "quantity"}, in the cart's line order
                version     INTEGER NOT NULL,
                created_at  TEXT    NOT NULL, -- ISO 8601 UTC, round-trip ("O") format
                updated_at  TEXT    NOT NULL
            ) STRICT;

            -- The fields of the DynamoDB outbox item plus the feed position. AUTOINCREMENT, not a plain rowid: a rowid
            -- may be reused once the newest rows are deleted by retention, and the relay would skip a reused number
            -- that is behind its checkpoint. SQLite has one writer at a time, so sequences also commit in order: a
            -- reader never sees 7 before a 6 that commits later.
            CREATE TABLE outbox (
                sequence       INTEGER PRIMARY KEY AUTOINCREMENT,
                cart_id        TEXT    NOT NULL,
                cart_version   INTEGER NOT NULL,
                event_index    INTEGER NOT NULL,
                event_id       TEXT    NOT NULL UNIQUE,
                event_type     TEXT    NOT NULL,
                schema_version INTEGER NOT NULL,
                occurred_at    TEXT    NOT NULL,
                correlation_id TEXT    NOT NULL,
                payload        TEXT    NOT NULL,
                expires_at     INTEGER NOT NULL, -- epoch seconds, as the DynamoDB TTL attribute
                UNIQUE (cart_id, cart_version, event_index)
            ) STRICT;
            """),
        new(2, "outbox relay checkpoint and dead letters", """
            -- One row per relay. checkpoint = the last outbox sequence handled (published or dead-lettered). The
            -- failing head row and its attempt count are kept here so a restart does not reset the retry budget.
            CREATE TABLE relay_state (
                relay         TEXT    NOT NULL PRIMARY KEY,
                checkpoint    INTEGER NOT NULL,
                head_sequence INTEGER,
                head_attempts INTEGER NOT NULL DEFAULT 0,
                head_error    TEXT
            ) STRICT;
            INSERT INTO relay_state (relay, checkpoint) VALUES ('outbox', 0);

            -- Rows that can never be published, whole (raw_content holds every column), with why.
            -- Keyed by the outbox sequence, so dead-lettering the same row twice (a crash in between) stores it once.
            CREATE TABLE dead_letters (
                sequence         INTEGER NOT NULL PRIMARY KEY,
                event_id         TEXT,
                cart_id          TEXT,
                event_type       TEXT,
                raw_content      TEXT    NOT NULL,
                reason           TEXT    NOT NULL,
                dead_lettered_at TEXT    NOT NULL
            ) STRICT;
            """),
        new(3, "a customer's carts, most recently updated first", """
            -- GET /carts: one customer's carts newest first, paged by (updated_at, cart_id). Timestamps are fixed-width
            -- UTC text, so text order is time order. The twin of the DynamoDB carts table's customer index.
            CREATE INDEX carts_by_customer ON carts (customer_id, updated_at, cart_id);
            """),
    ];

    public static int LatestVersion => All[^1].Version;

    /// <summary>
    /// Applies the missing steps up to <paramref name="targetVersion"/> (default: the latest) in one write transaction,
    /// so two processes opening a new file at once cannot both apply a step, and a failed step leaves the file as it was.
    /// </summary>
    public static async Task MigrateAsync(SqliteConnection connection, int? targetVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var target = targetVersion ?? LatestVersion;
        await using var transaction = connection.BeginTransaction(deferred: false);

        var current = await ReadVersionAsync(connection, transaction, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database file is at schema version {current}, newer than this build knows ({LatestVersion}). Use a newer build or another file.");
        }

        foreach (var migration in All.Where(m => m.Version > current && m.Version <= target))
        {
            await using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = migration.Sql;
            await step.ExecuteNonQueryAsync(cancellationToken);
            await WriteVersionAsync(connection, transaction, migration.Version, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task WriteVersionAsync(SqliteConnection connection, SqliteTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // A pragma takes no parameters; the value is an int formatted here, not outside input.
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version};");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
