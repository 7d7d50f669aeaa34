using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ShoppingCart.Application;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Embedded;
using ShoppingCart.Infrastructure.Embedded.EventBus;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

public sealed class EmbeddedServiceCollectionTests : IDisposable
{
    private readonly EmbeddedTestDatabase _database = new();

    [Fact]
    public async Task The_embedded_family_serves_the_application_ports_and_hosts_the_relay()
    {
        await using var services = _database.BuildServices();

        Assert.IsType<SqliteCartStore>(services.GetRequiredService<ICartStore>());
        Assert.IsType<LocalEventBus>(services.GetRequiredService<IEventPublisher>());
        Assert.IsType<SqliteDeadLetterQueue>(services.GetRequiredService<IDeadLetterQueue>());
        Assert.Single(services.GetServices<IHostedService>().OfType<OutboxRelay>());
        await using var scope = services.CreateAsyncScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<OutboxBatchForwarder>());
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_host_content_root()
    {
        var options = OptionsFrom(new() { ["DatabasePath"] = "db/carts.db" }, new ContentRoot(_database.Settings.DatabasePath + "-root"));

        Assert.Equal(Path.Combine(_database.Settings.DatabasePath + "-root", "db", "carts.db"), options.DatabasePath);
        Assert.Equal(Path.Combine(_database.Settings.DatabasePath + "-root", ".data", "events.jsonl"), options.EventBus.EventLogPath);
    }

    [Fact]
    public void Without_a_host_the_defaults_live_under_a_data_folder_of_the_current_directory()
    {
        var options = OptionsFrom([], contentRoot: null);

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), ".data", "shopping-cart.db"), options.DatabasePath);
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), ".data", "events.jsonl"), options.EventBus.EventLogPath);
        Assert.Equal("shopping-cart", options.EventBus.Source);
        Assert.Equal(0, options.EventBus.FailureRate);
    }

    [Fact]
    public async Task Invalid_settings_fail_at_start_up_with_every_reason()
    {
        await using var services = _database.BuildServices(new Dictionary<string, string?>
        {
            ["Relay:BatchSize"] = "0",
            ["Relay:MaxBackoff"] = "00:00:00.001",
            ["EventBus:FailureRate"] = "1.5",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(3, failure.Failures.Count());
        Assert.Contains(failure.Failures, f => f.Contains("Relay:BatchSize", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Relay:MaxBackoff", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("EventBus:FailureRate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Default_settings_pass_validation()
    {
        await using var services = _database.BuildServices();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.True(new EmbeddedOptionsValidator().Validate(null, new EmbeddedOptions()).Succeeded);
    }

    public void Dispose() => _database.Dispose();

    private static EmbeddedOptions OptionsFrom(Dictionary<string, string?> settings, IHostEnvironment? contentRoot)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => $"{EmbeddedOptions.SectionName}:{s.Key}", s => s.Value))
            .Build();
        var services = new ServiceCollection().AddLogging();
        if (contentRoot is not null)
        {
            services.AddSingleton(contentRoot);
        }

        services.AddEmbeddedInfrastructure(configuration).AddApplication();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<EmbeddedOptions>>().Value;
    }

    private sealed class ContentRoot(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = path;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
