using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Operations;
using ShoppingCart.Infrastructure.Embedded.EventBus;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Embedded;

public static class EmbeddedServiceCollectionExtensions
{
    /// <summary>SQLite cart store + outbox, the outbox relay (hosted service) and the local event bus.</summary>
    public static IServiceCollection AddEmbeddedInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEmbeddedStorage(configuration);
        services.AddSingleton<SqliteOutboxFeed>();
        services.AddSingleton<OutboxRelayPass>();
        services.AddHostedService<OutboxRelay>();
        services.AddEmbeddedOperations();
        return services;
    }

    /// <summary>
    /// The SQLite file, the cart store, the dead-letter table and the local event bus, without the relay: what the
    /// service and the operator's command line share.
    /// </summary>
    public static IServiceCollection AddEmbeddedStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EmbeddedOptions>()
            .Bind(configuration.GetSection(EmbeddedOptions.SectionName))
            .PostConfigure<IServiceProvider>(ResolvePaths)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddedOptions>, EmbeddedOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ICartStore, SqliteCartStore>();
        services.AddSingleton<IDeadLetterQueue, SqliteDeadLetterQueue>();
        services.AddSingleton<IEventPublisher>(provider => new LocalEventBus(provider.GetRequiredService<IOptions<EmbeddedOptions>>(), Console.Out));
        return services;
    }

    /// <summary>The operator's ports on the same file: dead letters, the outbox's retention, status.</summary>
    public static IServiceCollection AddEmbeddedOperations(this IServiceCollection services)
    {
        services.TryAddSingleton<IDeadLetterStore, SqliteDeadLetterStore>();
        services.TryAddSingleton<IOutboxHistory, SqliteOutboxHistory>();
        services.TryAddSingleton<IOutboxStatusSource, SqliteOutboxStatus>();
        return services;
    }

    /// <summary>Relative paths are taken from the host's content root, or the current directory without a host.</summary>
    private static void ResolvePaths(EmbeddedOptions options, IServiceProvider services)
    {
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        options.DatabasePath = Resolve(options.DatabasePath, root);
        options.EventBus.EventLogPath = Resolve(options.EventBus.EventLogPath, root);
    }

    private static string Resolve(string path, string root) => string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, root);
}
