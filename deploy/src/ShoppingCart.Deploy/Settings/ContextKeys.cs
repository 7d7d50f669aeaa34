namespace ShoppingCart.Deploy.Settings;

/// <summary>
/// The CDK context keys a team can set (<c>npx cdk deploy -c key=value</c>, or the <c>context</c> block of cdk.json).
/// Every key is optional: <see cref="DeploymentSettings"/> holds the default.
/// </summary>
internal static class ContextKeys
{
    public const string StackName = "stackName";
    public const string Throwaway = "throwaway";

    public const string CartsTableName = "cartsTableName";
    public const string OutboxTableName = "outboxTableName";
    public const string EventBusName = "eventBusName";
    public const string EventSource = "eventSource";
    public const string EventLogGroupName = "eventLogGroupName";
    public const string LogRetentionDays = "logRetentionDays";
    public const string EventArchiveRetentionDays = "eventArchiveRetentionDays";

    public const string Architecture = "architecture";
    public const string WebAdapterLayerArn = "webAdapterLayerArn";
    public const string ApiMemorySize = "apiMemorySize";
    public const string ForwarderMemorySize = "forwarderMemorySize";

    public const string StreamBatchSize = "streamBatchSize";
    public const string StreamMaxBatchingWindowSeconds = "streamMaxBatchingWindowSeconds";
    public const string StreamMaxRetryAttempts = "streamMaxRetryAttempts";
    public const string StreamMaxRecordAgeSeconds = "streamMaxRecordAgeSeconds";
    public const string StreamParallelizationFactor = "streamParallelizationFactor";

    public const string ApiStageName = "apiStageName";
    public const string ApiThrottlingRateLimit = "apiThrottlingRateLimit";
    public const string ApiThrottlingBurstLimit = "apiThrottlingBurstLimit";
    public const string MaxRequestBodyBytes = "maxRequestBodyBytes";
    public const string ApiGatewayCloudWatchRole = "apiGatewayCloudWatchRole";

    public const string IteratorAgeAlarmSeconds = "iteratorAgeAlarmSeconds";
    public const string AlarmEmail = "alarmEmail";

    /// <summary>Folders holding already published function code; when both are set, nothing is published.</summary>
    public const string ApiCodePath = "apiCodePath";
    public const string ForwarderCodePath = "forwarderCodePath";
}
