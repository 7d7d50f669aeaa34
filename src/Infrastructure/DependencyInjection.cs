using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Infrastructure.Aws;
using ShoppingCart.Infrastructure.Embedded;

namespace ShoppingCart.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Configuration key that picks the adapter family: <c>Embedded</c> (default) or <c>Aws</c>.</summary>
    public const string FamilyKey = "ShoppingCart:Infrastructure";

    public static InfrastructureFamily FamilyOf(IConfiguration configuration)
    {
        var value = configuration[FamilyKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return InfrastructureFamily.Embedded;
        }

        return Enum.TryParse<InfrastructureFamily>(value, ignoreCase: true, out var family)
            ? family
            : throw new InvalidOperationException($"{FamilyKey} must be 'Embedded' or 'Aws', not '{value}'.");
    }

    /// <summary>Registers the adapters of the configured family behind the application's ports.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration) =>
        FamilyOf(configuration) switch
        {
            InfrastructureFamily.Aws => services.AddAwsInfrastructure(configuration),
            _ => services.AddEmbeddedInfrastructure(configuration),
        };

    /// <summary>The operator's adapters (dead letters, outbox retention, status, the bus) of the configured family.</summary>
    public static IServiceCollection AddOperatorAdapters(this IServiceCollection services, IConfiguration configuration) =>
        FamilyOf(configuration) switch
        {
            InfrastructureFamily.Aws => services.AddAwsOperations(configuration),
            _ => services.AddEmbeddedStorage(configuration).AddEmbeddedOperations(),
        };
}
