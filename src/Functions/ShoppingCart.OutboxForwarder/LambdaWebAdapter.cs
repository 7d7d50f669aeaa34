using System.Globalization;
using System.Text.Json;

namespace ShoppingCart.OutboxForwarder;

/// <summary>
/// How the AWS Lambda Web Adapter reaches the app: it forwards to 127.0.0.1 on <c>AWS_LWA_PORT</c> (8080 by default)
/// and POSTs non-HTTP events (a DynamoDB stream batch) as raw JSON to <c>AWS_LWA_PASS_THROUGH_PATH</c>.
/// </summary>
internal static class LambdaWebAdapter
{
    public const string PortVariable = "AWS_LWA_PORT";
    public const string PassThroughPathVariable = "AWS_LWA_PASS_THROUGH_PATH";
    public const string DefaultPassThroughPath = "/events";
    public const string LambdaContextHeader = "x-amzn-lambda-context";
    private const int DefaultPort = 8080;
    private static readonly string[] DeadlineProperties = ["deadline", "deadline_ms"];

    /// <summary>Set by Lambda in every function's environment.</summary>
    private const string LambdaRuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>Listens where the adapter expects: its port if set, 8080 under Lambda; elsewhere the usual URL settings apply.</summary>
    public static void ListenWhereTheAdapterExpects(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[PortVariable];
        int? port = configured is not null
            ? int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 65535
                ? parsed
                : throw new InvalidOperationException($"{PortVariable} must be a TCP port number, not '{configured}'.")
            : builder.Configuration[LambdaRuntimeApiVariable] is not null ? DefaultPort : null;

        if (port is { } listenPort)
        {
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listenPort}"));
        }
    }

    /// <summary>
    /// The invocation's deadline from the <c>x-amzn-lambda-context</c> header, where the adapter forwards the Lambda
    /// context as JSON (aws-lambda-web-adapter, "Request context"): the runtime crate serializes it as <c>deadline</c>,
    /// epoch milliseconds, while the adapter's guide names <c>deadline_ms</c>; both are read. Null when absent or unreadable.
    /// </summary>
    public static DateTimeOffset? InvocationDeadline(HttpRequest request)
    {
        if (request.Headers[LambdaContextHeader].FirstOrDefault() is not { Length: > 0 } header)
        {
            return null;
        }

        try
        {
            using var context = JsonDocument.Parse(header);
            foreach (var name in DeadlineProperties)
            {
                if (context.RootElement.ValueKind == JsonValueKind.Object &&
                    context.RootElement.TryGetProperty(name, out var value) &&
                    value.ValueKind == JsonValueKind.Number &&
                    value.TryGetInt64(out var milliseconds) && milliseconds > 0)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                }
            }
        }
        catch (JsonException)
        {
            // No usable deadline: the retry budget alone bounds the publish, as before the adapter sent one.
        }

        return null;
    }

    public static string PassThroughPath(IConfiguration configuration) =>
        configuration[PassThroughPathVariable] is { Length: > 0 } path ? path : DefaultPassThroughPath;
}
