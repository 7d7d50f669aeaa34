using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ShoppingCart.Api.OpenApi;

/// <summary>Declares the bearer scheme the cart operations require (<see cref="CartOperationTransformer"/> refers to it).</summary>
public sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An ID token of the service's Cognito user pool on AWS; locally, a token from ./run.sh token CUSTOMER_ID. " +
                "Its subject is the customer: only that customer's carts exist for the caller.",
        };
        return Task.CompletedTask;
    }
}
