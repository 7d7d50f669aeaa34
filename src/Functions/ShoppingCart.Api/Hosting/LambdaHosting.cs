using System.Globalization;
using Microsoft.Extensions.Configuration.Memory;

namespace ShoppingCart.Api.Hosting;

/// <summary>
/// Running on AWS Lambda under the Lambda Web Adapter: the adapter forwards each invocation as an HTTP request to
/// <c>http://127.0.0.1:$AWS_LWA_PORT</c>, so Kestrel must listen there, and the embedded adapters (a SQLite file in
/// the function's scratch space) must never serve a deployed function by accident.
/// </summary>
public static class LambdaHosting
{
    /// <summary>The port the adapter forwards to; the adapter itself defaults to 8080 when it is not set.</summary>
    public const string PortVariable = "AWS_LWA_PORT";

    /// <summary>Set by the Lambda runtime in every function's environment.</summary>
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";

    private const int AdapterDefaultPort = 8080;

    public static WebApplicationBuilder UseLambdaWebAdapterWhenPresent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var onLambda = !string.IsNullOrEmpty(configuration[FunctionNameVariable]);
        if (onLambda)
        {
            // Inserted first so explicit configuration (environment variables set by the deployment) still wins.
            configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?>
                {
                    [ShoppingCart.Infrastructure.DependencyInjection.FamilyKey] = nameof(ShoppingCart.Infrastructure.InfrastructureFamily.Aws),
                },
            });

            // One JSON object per line, which CloudWatch Logs Insights queries by field; the correlation id is a scope.
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;

                // Replaces the short local format of appsettings.json, which suits a console, not a log store.
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        var port = configuration[PortVariable];
        if (!string.IsNullOrEmpty(port))
        {
            builder.WebHost.UseUrls($"http://0.0.0.0:{ParsePort(port)}");
        }
        else if (onLambda)
        {
            builder.WebHost.UseUrls($"http://0.0.0.0:{AdapterDefaultPort}");
        }

        return builder;
    }

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{PortVariable} must be a TCP port number, not '{value}'.");
}
