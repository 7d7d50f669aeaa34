using System.Text.Json.Serialization;
using ShoppingCart.Api.Http;
using ShoppingCart.Api.OpenApi;

namespace ShoppingCart.Api.Hosting;

public static class ApiServiceCollectionExtensions
{
    /// <summary>JSON, problem details, binding-failure handling, health and OpenAPI for the cart API.</summary>
    public static IServiceCollection AddCartApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);

            // The web defaults are lenient; a request that is not exactly what the contract says is refused instead:
            // "3" is not a quantity, a misspelt property is not silently ignored, and a repeated one is ambiguous.
            json.NumberHandling = JsonNumberHandling.Strict;
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.AllowDuplicateProperties = false;
        });

        // Binding failures throw, so BadRequestExceptionHandler can say what was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Features.Get<CorrelationId>() is { } correlationId)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId.Value;
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StoreFaultExceptionHandler>();
        services.AddHealthChecks();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityScheme>();
            options.AddOperationTransformer<CartOperationTransformer>();
            options.AddSchemaTransformer<ContractSchemaTransformer>();
        });
        return services;
    }
}
