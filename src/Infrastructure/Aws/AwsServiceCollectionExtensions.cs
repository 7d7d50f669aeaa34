using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using ShoppingCart.Infrastructure.Aws.EventBridge;

namespace ShoppingCart.Infrastructure.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>DynamoDB cart store + outbox, EventBridge publisher and SQS dead-letter queue.</summary>
    public static IServiceCollection AddAwsInfrastructure(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddDynamoDbCartStore(configuration)
            .AddEventBridgeForwarding(configuration);
}
