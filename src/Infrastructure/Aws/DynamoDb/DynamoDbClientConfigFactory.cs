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
    public static AmazonDynamoDBConfig Create(DynamoDbCartStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Each attempt and the SDK's own retries are bounded, so a slow store ends in the API's answer, not in a timeout.
        var config = new AmazonDynamoDBConfig { Timeout = DynamoDbTimeouts.Attempt, MaxErrorRetry = DynamoDbTimeouts.SdkRetries };
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
