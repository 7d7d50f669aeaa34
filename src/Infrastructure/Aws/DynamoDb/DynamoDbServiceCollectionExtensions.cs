using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// The DynamoDB cart store (cart + outbox in one TransactWriteItems), configured from
    /// <see cref="DynamoDbCartStoreOptions.SectionName"/> and validated when the host starts. An <see cref="IAmazonDynamoDB"/>
    /// registered before this call is used as it is; otherwise one is built from the options with the SDK's default
    /// credential chain.
    /// </summary>
    public static IServiceCollection AddDynamoDbCartStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DynamoDbCartStoreOptions>()
            .Bind(configuration.GetSection(DynamoDbCartStoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDbCartStoreOptions>, DynamoDbCartStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonDynamoDB>(provider =>
            new AmazonDynamoDBClient(DynamoDbClientConfigFactory.Create(provider.GetRequiredService<IOptions<DynamoDbCartStoreOptions>>().Value)));
        services.AddSingleton<ICartStore, DynamoDbCartStore>();
        return services;
    }
}
