using System.Text.Json;

namespace ShoppingCart.Api.Hosting;

/// <summary>
/// Behind API Gateway the client calls <c>/prod/carts</c> but the Lambda Web Adapter forwards <c>/carts</c>: the stage
/// prefix is lost, and a <c>Location</c> built from the request would point outside the API. The adapter passes the
/// original request context in <c>x-amzn-request-context</c>, whose <c>path</c> is what the client called; the part
/// before our path becomes <see cref="HttpRequest.PathBase"/>, so every link the app builds keeps the stage (or a
/// custom domain's base path).
/// </summary>
public sealed class ApiGatewayPathBaseMiddleware(RequestDelegate next)
{
    public const string RequestContextHeader = "x-amzn-request-context";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers.TryGetValue(RequestContextHeader, out var header)
            && ClientPathOf(header.ToString()) is { } clientPath
            && context.Request.Path.HasValue
            && clientPath.Length > context.Request.Path.Value.Length
            && clientPath.EndsWith(context.Request.Path.Value, StringComparison.Ordinal))
        {
            context.Request.PathBase = new PathString(clientPath[..^context.Request.Path.Value.Length]);
        }

        return next(context);
    }

    private static string? ClientPathOf(string requestContext)
    {
        try
        {
            using var document = JsonDocument.Parse(requestContext);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("path", out var path)
                && path.ValueKind == JsonValueKind.String
                && path.GetString() is { Length: > 0 } value
                && value[0] == '/'
                    ? value
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
