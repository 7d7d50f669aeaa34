using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Authorization;
using ShoppingCart.Api.Http;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.OpenApi;

/// <summary>
/// Documents what the endpoint metadata cannot express: the correlation id every operation accepts and echoes, the
/// cart version as <c>ETag</c> on every cart answer, <c>Location</c> on a created cart, what <c>If-Match</c>
/// expects, the limits on the <c>sku</c> and <c>quantity</c> parameters, and, on every operation that requires a
/// caller, the bearer scheme and the <c>WWW-Authenticate</c> challenge of its 401.
/// </summary>
public sealed class CartOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecurityScheme.Name, context.Document)] = [] }];
        }

        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Header && p.Name == IfMatchPrecondition.HeaderName))
        {
            parameter.Description =
                "The cart version the change is based on, as received in ETag (\"3\"). A different current version answers 412; " +
                "without If-Match the server retries a lost race and answers 409 only if the cart keeps changing. A malformed value answers 400.";
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter is { In: ParameterLocation.Path, Name: "sku", Schema: OpenApiSchema sku })
            {
                ContractSchemaTransformer.Sku(sku);
            }
            else if (parameter is { In: ParameterLocation.Query, Name: "quantity", Schema: OpenApiSchema quantity })
            {
                parameter.Description = "Units to remove; without it the whole line is removed.";
                quantity.Minimum = "1";
                quantity.Maximum = CartLimits.MaxRequestedQuantity.ToString(CultureInfo.InvariantCulture);
            }
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = CorrelationId.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = $"Ties the request to its logs and to the metadata of the events it causes; up to {CorrelationId.MaxLength} visible ASCII characters, generated when absent or unusable.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = CorrelationId.MaxLength },
        });

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
            concrete.Headers[CorrelationId.HeaderName] = Header("The request's correlation id.");
            if (status == "401")
            {
                concrete.Headers["WWW-Authenticate"] = Header("The bearer challenge (RFC 6750): Bearer, with error=\"invalid_token\" when a token was sent but refused.");
            }

            if (status is "200" or "201" && context.Description.SupportedResponseTypes.Any(r => r.StatusCode.ToString(CultureInfo.InvariantCulture) == status && r.Type == typeof(CartView)))
            {
                concrete.Headers["ETag"] = Header("The cart's version as a strong entity tag, e.g. \"3\"; send it back in If-Match.");
            }

            if (status == "201")
            {
                concrete.Headers["Location"] = Header("The new cart's URL.");
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiHeader Header(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
