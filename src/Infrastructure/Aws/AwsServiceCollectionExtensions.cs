using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Infrastructure.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// The API's adapters on AWS: the DynamoDB cart store writing cart + outbox in one TransactWriteItems. The API
    /// publishes nothing itself there — the table's stream feeds the forwarder function, which registers the
    /// EventBridge publisher and the SQS dead-letter queue (<c>AddEventBridgeForwarding</c>) on its own.
    /// </summary>
    public static IServiceCollection AddAwsInfrastructure(this IServiceCollection services, IConfiguration configuration) =>
        services.AddDynamoDbCartStore(configuration);
}
