namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>Sets environment variables for one test and restores the previous values when disposed.</summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private readonly Dictionary<string, string?> _previous = [];

    public EnvironmentVariables(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (name, value) in values)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>
    /// Static credentials for the SDK's default chain and no instance-metadata lookup (it would leave this machine),
    /// with no endpoint variables unless given.
    /// </summary>
    public static EnvironmentVariables ForSdk(string? dynamoDbEndpoint = null, string? genericEndpoint = null) => new(new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDbEndpoint,
        ["AWS_ENDPOINT_URL"] = genericEndpoint,
        ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = null,
    });

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
