using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Tests.Embedded;

namespace ShoppingCart.Operations.Tests.Support;

/// <summary>
/// A real SQLite file and event log, the embedded family wired as the service wires it (to commit carts and run relay
/// passes), and the operator command line pointed at the same files.
/// </summary>
public sealed class EmbeddedService : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();
    private readonly List<ServiceProvider> _providers = [];

    public string DatabasePath => _directory.File("shopping-cart.db");

    public string EventLogPath => _directory.File("events.jsonl");

    /// <summary>The settings that point a service or the command line at these files.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ShoppingCart:Infrastructure"] = "Embedded",
        [$"{EmbeddedOptions.SectionName}:DatabasePath"] = DatabasePath,
        [$"{EmbeddedOptions.SectionName}:EventBus:EventLogPath"] = EventLogPath,
    };

    /// <summary>Runs <c>./run.sh outbox ...</c> in process, on these files, with any extra settings.</summary>
    public Task<CommandRun> OutboxAsync(params string[] arguments) => OutboxAsync(arguments, new Dictionary<string, string>());

    public Task<CommandRun> OutboxAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>(Settings);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return CommandRun.RunAsync([.. arguments, .. all.Select(s => $"--{s.Key}={s.Value}")]);
    }

    /// <summary>The embedded family and the application, as the API host registers them, on these files.</summary>
    public ServiceProvider Service(double failureRate = 0, int maxAttempts = 1)
    {
        var values = Settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        values[$"{EmbeddedOptions.SectionName}:EventBus:FailureRate"] = failureRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values[$"{EmbeddedOptions.SectionName}:Relay:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEmbeddedInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddApplication();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Runs relay passes until nothing is waiting: with a failing bus and one attempt, every row is dead-lettered.</summary>
    public static async Task RelayUntilIdleAsync(ServiceProvider service)
    {
        var pass = service.GetRequiredService<OutboxRelayPass>();
        while ((await pass.RunAsync(CancellationToken.None)).Read > 0)
        {
        }
    }

    /// <summary>Runs one relay pass.</summary>
    public static Task RelayOnceAsync(ServiceProvider service) => service.GetRequiredService<OutboxRelayPass>().RunAsync(CancellationToken.None);

    /// <summary>Commits a new cart at <paramref name="at"/>; returns its id.</summary>
    public static async Task<string> CreateCartAsync(ServiceProvider service, DateTimeOffset at)
    {
        var cart = Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], at).Value;
        await SaveAsync(service, cart);
        return cart.Id.ToString();
    }

    /// <summary>Adds one unit to the cart at <paramref name="at"/>: one more version, one more event.</summary>
    public static async Task AddItemAsync(ServiceProvider service, string cartId, DateTimeOffset at)
    {
        var cart = (await service.GetRequiredService<ICartStore>().LoadAsync(CartId.Parse(cartId), CancellationToken.None))!;
        Assert.True(cart.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], at).IsSuccess);
        await SaveAsync(service, cart);
    }

    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Event ids of the outbox, oldest first (optionally one cart's).</summary>
    public IReadOnlyList<string> OutboxEventIds(string? cartId = null)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id FROM outbox WHERE $cart IS NULL OR cart_id = $cart ORDER BY sequence;";
        command.Parameters.AddWithValue("$cart", (object?)cartId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public Task<IReadOnlyList<LoggedEvent>> PublishedAsync() => EventLog.ReadAsync(EventLogPath);

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static async Task SaveAsync(ServiceProvider service, Cart cart)
    {
        var outcome = await service.GetRequiredService<ICartStore>().SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, outcome);
        cart.MarkPersisted();
    }
}
