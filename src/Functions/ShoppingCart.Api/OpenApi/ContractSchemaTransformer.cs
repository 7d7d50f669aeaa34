using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ShoppingCart.Api.Carts;
using ShoppingCart.Api.Http;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.OpenApi;

/// <summary>
/// Adds to the generated schemas what the C# types alone do not say: the limits the use cases enforce on input
/// (so a client can validate before sending), the values of a cart's status, and the extensions every problem
/// document carries.
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (type == typeof(ProblemDetails) || type == typeof(HttpValidationProblemDetails))
        {
            DescribeProblemExtensions(schema);
        }
        else if (type == typeof(CartItemInput))
        {
            Limit(schema, "sku", s => Sku(s));
            Limit(schema, "quantity", s =>
            {
                s.Minimum = "1";
                s.Maximum = CartLimits.MaxRequestedQuantity.ToString(CultureInfo.InvariantCulture);
            });
        }
        else if (type == typeof(CreateCartRequest))
        {
            Limit(schema, "customerId", s =>
            {
                s.MinLength = 1;
                s.MaxLength = CustomerId.MaxLength;
                s.Description = "Optional: the cart belongs to the caller (the token's subject). If sent, it must be the caller's own (403 cart.customer_mismatch otherwise).";
            });
            Limit(schema, "items", s => s.MaxItems = CartLimits.MaxLines);
        }
        else if (type == typeof(AddItemsRequest))
        {
            Limit(schema, "items", s =>
            {
                s.MinItems = 1;
                s.MaxItems = CartLimits.MaxLines;
            });
        }
        else if (type == typeof(CartView))
        {
            Limit(schema, "status", s => s.Enum = [.. Enum.GetNames<CartStatus>().Select(name => (JsonNode)JsonValue.Create(name))]);
        }

        return Task.CompletedTask;
    }

    /// <summary>Used for the <c>sku</c> route value as well as the body property.</summary>
    public static void Sku(OpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.Pattern = Domain.Carts.Sku.Pattern;
    }

    private static void DescribeProblemExtensions(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Properties[ApiProblems.CodeExtension] = Text("Stable machine-readable error code, e.g. cart.checked_out or request.invalid_body.");
        schema.Properties["correlationId"] = Text("The request's correlation id (also in the X-Correlation-Id header).");
        schema.Properties["traceId"] = Text("The W3C trace id of the request.");
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static void Limit(OpenApiSchema schema, string property, Action<OpenApiSchema> describe)
    {
        if (schema.Properties?.TryGetValue(property, out var value) == true && value is OpenApiSchema propertySchema)
        {
            describe(propertySchema);
        }
    }
}
