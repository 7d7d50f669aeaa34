using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ShoppingCart.Application;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Embedded;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>
/// A real SQLite file in a temporary directory, the embedded options pointing at it, a fake clock, and plain-SQL
/// readers the tests use to look at what the adapters wrote (independent of the production readers).
/// </summary>
public sealed class EmbeddedTestDatabase : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public EmbeddedTestDatabase(Action<EmbeddedOptions>? configure = null)
    {
        Settings = new EmbeddedOptions
        {
            DatabasePath = _directory.File("shopping-cart.db"),
            EventBus = { EventLogPath = _directory.File("events.jsonl") },
        };
        configure?.Invoke(Settings);
        Options = Microsoft.Extensions.Options.Options.Create(Settings);
        Database = new SqliteDatabase(Options);
        Store = new SqliteCartStore(Database, Signal, Clock, Options);
    }

    public EmbeddedOptions Settings { get; }

    public IOptions<EmbeddedOptions> Options { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public OutboxSignal Signal { get; } = new();

    public SqliteDatabase Database { get; }

    public SqliteCartStore Store { get; }

    public string Path => Settings.DatabasePath;

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public async Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(string? cartId = null)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT event_id, event_type, schema_version, occurred_at, cart_id, cart_version, event_index, correlation_id, payload
            FROM outbox WHERE $cart IS NULL OR cart_id = $cart ORDER BY cart_id, cart_version, event_index;
            """;
        command.Parameters.AddWithValue("$cart", (object?)cartId ?? DBNull.Value);
        using var reader = await command.ExecuteReaderAsync();
        var records = new List<OutboxRecord>();
        while (await reader.ReadAsync())
        {
            records.Add(new OutboxRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetInt32(6),
                reader.GetString(7),
                reader.GetString(8)));
        }

        return records;
    }

    public async Task<long> CountAsync(string table)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The embedded family as a host would wire it (configuration section, options validation, DI), over this
    /// database file and event log, with the fake clock and the real forwarding use case.
    /// </summary>
    public ServiceProvider BuildServices(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? customize = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{EmbeddedOptions.SectionName}:DatabasePath"] = Settings.DatabasePath,
            [$"{EmbeddedOptions.SectionName}:EventBus:EventLogPath"] = Settings.EventBus.EventLogPath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{EmbeddedOptions.SectionName}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddEmbeddedInfrastructure(configuration);
        services.AddApplication();
        customize?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public void Dispose()
    {
        Database.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
