using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

public static class EventBridgeServiceCollectionExtensions
{
    /// <summary>The EventBridge publisher and the SQS dead-letter queue the forwarder uses.</summary>
    public static IServiceCollection AddEventBridgeForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
