using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Deploy.Settings;

/// <summary>
/// Everything a team may choose about one deployment, with the defaults a first deployment gets. Read from the CDK context
/// by <see cref="DeploymentSettingsReader"/>; checked by <see cref="Validate"/> before anything is built from it.
/// </summary>
internal sealed record DeploymentSettings
{
    /// <summary>DynamoDB Streams keep a record 24 hours: a mapping must give up on a record before the stream drops it.</summary>
    public const int StreamRetentionSeconds = 24 * 60 * 60;

    /// <summary>
    /// AWS WAF reads at most the first 16 KB of a body sent by API Gateway without extra charges; a larger limit could not
    /// be enforced, since the rule blocks every body longer than what it can read.
    /// </summary>
    public const int MaxInspectableBodyBytes = 16 * 1024;

    public string StackName { get; init; } = "ShoppingCart";

    /// <summary>
    /// A throwaway environment (a test or a demo): its tables and log groups are deleted with the stack and the tables
    /// carry no deletion protection. Off by default, so that <c>cdk destroy</c> never deletes carts.
    /// </summary>
    public bool Throwaway { get; init; }

    public string CartsTableName { get; init; } = DynamoDbSchema.Carts.DefaultTableName;
    public string OutboxTableName { get; init; } = DynamoDbSchema.Outbox.DefaultTableName;
    public string EventBusName { get; init; } = "shopping-cart";

    /// <summary>The <c>Source</c> of every event the service publishes; the log rule matches on it.</summary>
    public string EventSource { get; init; } = "shopping-cart";

    /// <summary>Defaults to <c>/aws/events/</c> followed by the bus name.</summary>
    public string? EventLogGroupName { get; init; }

    public int LogRetentionDays { get; init; } = 30;

    /// <summary>
    /// Days the EventBridge archive keeps the service's events for replay (EventBridge's own replay of a time window);
    /// 0 keeps them forever.
    /// </summary>
    public int EventArchiveRetentionDays { get; init; } = 30;

    public FunctionArchitecture Architecture { get; init; } = FunctionArchitecture.Arm64;

    /// <summary>Defaults to the Lambda Web Adapter layer published by AWS for the stack's region and <see cref="Architecture"/>.</summary>
    public string? WebAdapterLayerArn { get; init; }

    /// <summary>Lambda gives CPU in proportion to memory: 1 GB keeps the API's cold start and p99 low.</summary>
    public int ApiMemorySize { get; init; } = 1024;

    public int ForwarderMemorySize { get; init; } = 512;

    public int StreamBatchSize { get; init; } = 100;

    /// <summary>A second of batching saves invocations under load and adds at most a second of delivery latency.</summary>
    public int StreamMaxBatchingWindowSeconds { get; init; } = 1;

    public int StreamMaxRetryAttempts { get; init; } = 10;

    /// <summary>Six hours: room to fix an EventBridge or permissions outage, well inside the stream's 24 hours.</summary>
    public int StreamMaxRecordAgeSeconds { get; init; } = 6 * 60 * 60;

    /// <summary>
    /// Concurrent batches per shard. Lambda keeps records of one partition key in order whatever the factor, and the outbox
    /// partition key is the cart id, so each cart's events stay in order.
    /// </summary>
    public int StreamParallelizationFactor { get; init; } = 2;

    public string ApiStageName { get; init; } = "prod";
    public int ApiThrottlingRateLimit { get; init; } = 100;
    public int ApiThrottlingBurstLimit { get; init; } = 200;

    /// <summary>A cart command carries a few lines: 16 KB is generous, and bounds what a client can make the API parse.</summary>
    public int MaxRequestBodyBytes { get; init; } = MaxInspectableBodyBytes;

    /// <summary>
    /// Set the account's API Gateway CloudWatch role, without which no access log is written. Turn off where the account
    /// already manages that (region-wide) setting.
    /// </summary>
    public bool ApiGatewayCloudWatchRole { get; init; } = true;

    public int IteratorAgeAlarmSeconds { get; init; } = 5 * 60;

    /// <summary>Subscribed to the alarm topic when given.</summary>
    public string? AlarmEmail { get; init; }

    public string EffectiveEventLogGroupName => EventLogGroupName ?? $"{EventLogGroupPrefix}{EventBusName}";

    public const string EventLogGroupPrefix = "/aws/events/";

    /// <summary>Every problem found, each naming the context key to fix; empty when the settings can be deployed.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Require(bool condition, string key, string rule)
        {
            if (!condition)
            {
                problems.Add($"{key}: {rule}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(StackName), ContextKeys.StackName, "must not be empty");
        Require(IsTableName(CartsTableName), ContextKeys.CartsTableName, "must be 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'");
        Require(IsTableName(OutboxTableName), ContextKeys.OutboxTableName, "must be 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'");
        Require(CartsTableName != OutboxTableName, ContextKeys.OutboxTableName, "must differ from the carts table");
        Require(!string.IsNullOrWhiteSpace(EventBusName) && EventBusName != "default", ContextKeys.EventBusName, "must name a custom bus");
        Require(!string.IsNullOrWhiteSpace(EventSource), ContextKeys.EventSource, "must not be empty");
        Require(
            EffectiveEventLogGroupName.StartsWith(EventLogGroupPrefix, StringComparison.Ordinal) &&
            EffectiveEventLogGroupName.Length > EventLogGroupPrefix.Length,
            ContextKeys.EventLogGroupName,
            $"must start with {EventLogGroupPrefix}, where EventBridge log groups belong");
        Require(EventArchiveRetentionDays >= 0, ContextKeys.EventArchiveRetentionDays, "must be 0 (keep forever) or a number of days");
        Require(LogRetentionPeriods.IsSupported(LogRetentionDays), ContextKeys.LogRetentionDays, $"must be one of {LogRetentionPeriods.SupportedDaysList}");
        Require(ApiMemorySize is >= 128 and <= 10240, ContextKeys.ApiMemorySize, "must be 128-10240 MB");
        Require(ForwarderMemorySize is >= 128 and <= 10240, ContextKeys.ForwarderMemorySize, "must be 128-10240 MB");
        Require(StreamBatchSize is >= 1 and <= 10000, ContextKeys.StreamBatchSize, "must be 1-10000");
        Require(StreamMaxBatchingWindowSeconds is >= 0 and <= 300, ContextKeys.StreamMaxBatchingWindowSeconds, "must be 0-300 seconds");
        Require(StreamMaxRetryAttempts is >= 0 and <= 10000, ContextKeys.StreamMaxRetryAttempts, "must be 0-10000: retries must be bounded");
        Require(
            StreamMaxRecordAgeSeconds is >= 60 and < StreamRetentionSeconds,
            ContextKeys.StreamMaxRecordAgeSeconds,
            $"must be at least 60 and below the stream's retention of {StreamRetentionSeconds} seconds");
        Require(StreamParallelizationFactor is >= 1 and <= 10, ContextKeys.StreamParallelizationFactor, "must be 1-10");
        Require(IsStageName(ApiStageName), ContextKeys.ApiStageName, "must be 1-128 characters of a-z, A-Z, 0-9, '_', '-'");
        Require(ApiThrottlingRateLimit > 0, ContextKeys.ApiThrottlingRateLimit, "must be positive");
        Require(ApiThrottlingBurstLimit > 0, ContextKeys.ApiThrottlingBurstLimit, "must be positive");
        Require(
            MaxRequestBodyBytes is > 0 and <= MaxInspectableBodyBytes,
            ContextKeys.MaxRequestBodyBytes,
            $"must be 1-{MaxInspectableBodyBytes} bytes (what AWS WAF inspects of an API Gateway request)");
        Require(IteratorAgeAlarmSeconds > 0, ContextKeys.IteratorAgeAlarmSeconds, "must be positive");
        Require(AlarmEmail is null || AlarmEmail.Contains('@', StringComparison.Ordinal), ContextKeys.AlarmEmail, "must be an email address");
        return problems;
    }

    private static bool IsTableName(string name) =>
        name.Length is >= 3 and <= 255 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static bool IsStageName(string name) =>
        name.Length is >= 1 and <= 128 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
