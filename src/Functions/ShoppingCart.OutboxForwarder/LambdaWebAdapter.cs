using System.Globalization;

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
    private const int DefaultPort = 8080;

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

    public static string PassThroughPath(IConfiguration configuration) =>
        configuration[PassThroughPathVariable] is { Length: > 0 } path ? path : DefaultPassThroughPath;
}
