using Amazon;
using Amazon.DynamoDBv2;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>The SDK client configuration for <see cref="DynamoDbCartStoreOptions"/>.</summary>
public static class DynamoDbClientConfigFactory
{
    /// <summary>
    /// An explicit <see cref="DynamoDbCartStoreOptions.ServiceUrl"/> wins, signed for the configured region. Without one,
    /// <c>ServiceURL</c> stays unset on purpose: that is when the SDK itself honours <c>AWS_ENDPOINT_URL_DYNAMODB</c> and
    /// <c>AWS_ENDPOINT_URL</c> (and the shared config file's <c>endpoint_url</c>) before the regional endpoint.
    /// </summary>
    /// <remarks>
    /// Each attempt and the SDK's own retries are bounded (<see cref="DynamoDbTimeouts"/>), so a slow store ends in the
    /// API's answer, not in a timeout.
    /// </remarks>
    public static AmazonDynamoDBConfig Create(DynamoDbCartStoreOptions options)
    {
        var config = ForOperations(options);
        config.Timeout = DynamoDbTimeouts.Attempt;
        config.MaxErrorRetry = DynamoDbTimeouts.SdkRetries;
        return config;
    }

    /// <summary>
    /// The same endpoint and region with the SDK's own timeouts and retries: for the operator's scans and queries, which
    /// read whole pages and which no API Gateway waits on.
    /// </summary>
    public static AmazonDynamoDBConfig ForOperations(DynamoDbCartStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig();
        if (options.ServiceUrl is { } serviceUrl)
        {
            // RegionEndpoint and ServiceURL exclude each other in the SDK; AuthenticationRegion names the signing region.
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }
}
