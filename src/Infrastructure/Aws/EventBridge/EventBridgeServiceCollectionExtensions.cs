using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Infrastructure.Aws.Sqs;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

public static class EventBridgeServiceCollectionExtensions
{
    private const string SigningService = "events";

    /// <summary>
    /// The EventBridge publisher and the SQS dead-letter queue the forwarder uses. Settings come from
    /// <c>ShoppingCart:EventBridge</c> and <c>ShoppingCart:DeadLetterQueue</c>, with the AWS environment variables
    /// (<c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL_EVENTBRIDGE</c>, <c>AWS_ENDPOINT_URL_SQS</c>, <c>AWS_ENDPOINT_URL</c>) as
    /// fallbacks, and are checked when the host starts. Credentials come from the SDK's default chain, at first use.
    /// </summary>
    public static IServiceCollection AddEventBridgeForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Bound when first asked for, not now: a host's configuration may still grow until it is built.
        services.AddOptions<EventBridgeOptions>()
            .Configure(options =>
            {
                configuration.GetSection(EventBridgeOptions.SectionName).Bind(options);
                options.Region = FirstSet(options.Region, configuration["AWS_REGION"], configuration["AWS_DEFAULT_REGION"]);
                options.Endpoint ??= UriFrom(FirstSet(configuration["AWS_ENDPOINT_URL_EVENTBRIDGE"], configuration["AWS_ENDPOINT_URL"]));
            })
            .ValidateOnStart();
        services.AddOptions<DeadLetterQueueOptions>()
            .Configure<IOptions<EventBridgeOptions>>((options, eventBridge) =>
            {
                configuration.GetSection(DeadLetterQueueOptions.SectionName).Bind(options);
                options.Region = FirstSet(options.Region, eventBridge.Value.Region);
                options.Endpoint ??= UriFrom(FirstSet(configuration["AWS_ENDPOINT_URL_SQS"], configuration["AWS_ENDPOINT_URL"]));
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventBridgeOptions>, EventBridgeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeadLetterQueueOptions>, DeadLetterQueueOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AWSCredentials, DefaultChainCredentials>();

        services.AddHttpClient<PutEventsClient>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<EventBridgeOptions>>().Value;
                client.BaseAddress = options.ResolveEndpoint();
                client.Timeout = options.RequestTimeout;
            })
            // The signer is the innermost handler, so every attempt (the publisher retries above the client) is signed
            // afresh; redirects are not followed below it, where they would go out with a stale signature.
            .ConfigurePrimaryHttpMessageHandler(provider => new SigV4SigningHandler(
                provider.GetRequiredService<AWSCredentials>(),
                RegionEndpoint.GetBySystemName(provider.GetRequiredService<IOptions<EventBridgeOptions>>().Value.Region),
                SigningService,
                new SocketsHttpHandler { AllowAutoRedirect = false }))
            // One log line per batch comes from the forwarder; four per HTTP call would drown it.
            .RemoveAllLoggers();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EventBridgeOptions>>().Value;
            return new RetryBackoff(options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared);
        });
        services.AddSingleton<EventBridgeEntryFactory>();
        services.AddScoped<PublishDeadline>();
        services.AddScoped<IEventPublisher, EventBridgePublisher>();

        services.TryAddSingleton<IAmazonSQS>(provider => new AmazonSQSClient(
            provider.GetRequiredService<AWSCredentials>(),
            SqsConfig(provider.GetRequiredService<IOptions<DeadLetterQueueOptions>>().Value)));
        services.AddSingleton<IDeadLetterQueue, SqsDeadLetterQueue>();
        return services;
    }

    private static AmazonSQSConfig SqsConfig(DeadLetterQueueOptions options)
    {
        var config = new AmazonSQSConfig { Timeout = TimeSpan.FromSeconds(10) };
        if (options.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    private static Uri? UriFrom(string? value) => value is null ? null : new Uri(value, UriKind.Absolute);
}
