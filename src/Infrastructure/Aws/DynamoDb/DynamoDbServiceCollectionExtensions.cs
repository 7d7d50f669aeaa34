using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>The DynamoDB cart store (cart + outbox in one TransactWriteItems).</summary>
    public static IServiceCollection AddDynamoDbCartStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
