using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// Opens connections to the embedded database file, creating the file and bringing its schema up to date on first use.
/// One connection per operation (pooled), as Microsoft.Data.Sqlite recommends for concurrent callers.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    /// <summary>The synchronous mode each physical connection (pooled, so reused) was last given.</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> _configured = [];
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeSpan _busyTimeout;
    private volatile bool _migrated;

    public SqliteDatabase(IOptions<EmbeddedOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        FilePath = Path.GetFullPath(settings.DatabasePath);
        _busyTimeout = settings.BusyTimeout;
        _busyTimeoutMilliseconds = (int)Math.Clamp(settings.BusyTimeout.TotalMilliseconds, 1, int.MaxValue);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Microsoft.Data.Sqlite's own retry budget for busy/locked, also used by BEGIN IMMEDIATE.
            DefaultTimeout = (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>An open connection with this project's per-connection settings, on an up-to-date schema.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync("FULL", cancellationToken);

    private async Task<SqliteConnection> OpenAsync(string synchronous, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(synchronous, cancellationToken);
        try
        {
            if (!_migrated)
            {
                await MigrateOnceAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection for the relay's own bookkeeping (checkpoint, attempt counts, dead letters) with
    /// <c>synchronous = NORMAL</c>: still atomic and still safe from <c>kill -9</c>, but power loss may undo its last
    /// commits — which only makes the relay publish those events again, with the same ids, as at-least-once allows.
    /// It spares the second fsync every command would otherwise cost (one for the cart, one for the checkpoint).
    /// Every open makes sure the pooled connection has the mode it asks for, so this never leaks into cart writes.
    /// </summary>
    public Task<SqliteConnection> OpenForRelayAsync(CancellationToken cancellationToken) => OpenAsync("NORMAL", cancellationToken);

    /// <summary>
    /// Takes this process's write turn; dispose the result to give it back. SQLite allows one writer per file anyway,
    /// and a writer waiting here is woken the moment the previous one commits, while one waiting in SQLite's busy
    /// handler sleeps in steps of up to 100 ms — measured, that was most of the publish-delay tail under load. Writers
    /// in other processes still meet SQLite's own lock and busy timeout. Waiting longer than the busy timeout throws
    /// <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<IDisposable> TakeWriteTurnAsync(CancellationToken cancellationToken)
    {
        if (!await _writeLock.WaitAsync(_busyTimeout, cancellationToken))
        {
            throw new TimeoutException($"No write turn on {FilePath} within {_busyTimeout}.");
        }

        return new WriteTurn(_writeLock);
    }

    public void Dispose()
    {
        _migrationLock.Dispose();
        _writeLock.Dispose();
    }

    private async Task<SqliteConnection> OpenConnectionAsync(string synchronous, CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // The pool hands back physical connections that keep their settings: set them only when the mode changes
            // (otherwise every load and every commit would first run a PRAGMA statement).
            if (_configured.TryGetValue(connection.Handle!, out var configured) && configured == synchronous)
            {
                return connection;
            }

            await using var pragmas = connection.CreateCommand();

            // Durability first. synchronous=FULL in WAL mode syncs the WAL to disk on every commit, so a commit that
            // returned survives kill -9 and also an OS crash or power loss. NORMAL would survive kill -9 (the bytes
            // already reached the OS) but may drop the last commits on power loss; the cost of FULL is one fsync per
            // commit, small next to an HTTP round trip. synchronous is per connection, so it is set on every open.
            // busy_timeout lets SQLite itself wait for the single write lock instead of failing at once.
            pragmas.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            _configured.AddOrUpdate(connection.Handle!, synchronous);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateOnceAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            // WAL (persistent in the file): readers such as the relay never block the API's writes, and a commit is one
            // append to the log. It cannot be switched inside a transaction, so it is set before migrating.
            await using (var journal = connection.CreateCommand())
            {
                journal.CommandText = "PRAGMA journal_mode = WAL;";
                await journal.ExecuteNonQueryAsync(cancellationToken);
            }

            await SqliteMigrations.MigrateAsync(connection, targetVersion: null, cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migrationLock.Release();
        }
    }

    private sealed class WriteTurn(SemaphoreSlim writeLock) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writeLock.Release();
            }
        }
    }
}
