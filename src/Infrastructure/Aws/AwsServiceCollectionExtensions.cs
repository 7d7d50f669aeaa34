using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Operations;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using ShoppingCart.Infrastructure.Aws.EventBridge;
using ShoppingCart.Infrastructure.Aws.Sqs;

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

    /// <summary>
    /// The operator's adapters on AWS: the poison-record queue (SQS), the outbox table (DynamoDB) and the bus
    /// (EventBridge, through the same publisher the forwarder uses), configured as the two functions are.
    /// </summary>
    public static IServiceCollection AddAwsOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDynamoDbCartStore(configuration);
        services.AddEventBridgeForwarding(configuration);
        services.AddSingleton<IDeadLetterStore, SqsDeadLetterStore>();
        services.AddSingleton<IOutboxHistory, DynamoDbOutboxHistory>();
        services.AddSingleton<IOutboxStatusSource, AwsOutboxStatus>();
        return services;
    }
}
