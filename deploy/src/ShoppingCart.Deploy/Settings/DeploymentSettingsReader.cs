using System.Globalization;

namespace ShoppingCart.Deploy.Settings;

/// <summary>
/// Reads <see cref="DeploymentSettings"/> from the CDK context. A value given on the command line (<c>-c key=value</c>)
/// arrives as a string, one from cdk.json as a JSON number or boolean: both are accepted.
/// </summary>
internal sealed class DeploymentSettingsReader(Func<string, object?> tryGetContext)
{
    public DeploymentSettings Read()
    {
        var defaults = new DeploymentSettings();
        return new DeploymentSettings
        {
            StackName = Text(ContextKeys.StackName) ?? defaults.StackName,
            Throwaway = Flag(ContextKeys.Throwaway) ?? defaults.Throwaway,
            CartsTableName = Text(ContextKeys.CartsTableName) ?? defaults.CartsTableName,
            OutboxTableName = Text(ContextKeys.OutboxTableName) ?? defaults.OutboxTableName,
            EventBusName = Text(ContextKeys.EventBusName) ?? defaults.EventBusName,
            EventSource = Text(ContextKeys.EventSource) ?? defaults.EventSource,
            EventLogGroupName = Text(ContextKeys.EventLogGroupName) ?? defaults.EventLogGroupName,
            LogRetentionDays = Number(ContextKeys.LogRetentionDays) ?? defaults.LogRetentionDays,
            EventArchiveRetentionDays = Number(ContextKeys.EventArchiveRetentionDays) ?? defaults.EventArchiveRetentionDays,
            Architecture = Architecture() ?? defaults.Architecture,
            WebAdapterLayerArn = Text(ContextKeys.WebAdapterLayerArn) ?? defaults.WebAdapterLayerArn,
            ApiMemorySize = Number(ContextKeys.ApiMemorySize) ?? defaults.ApiMemorySize,
            ForwarderMemorySize = Number(ContextKeys.ForwarderMemorySize) ?? defaults.ForwarderMemorySize,
            StreamBatchSize = Number(ContextKeys.StreamBatchSize) ?? defaults.StreamBatchSize,
            StreamMaxBatchingWindowSeconds = Number(ContextKeys.StreamMaxBatchingWindowSeconds) ?? defaults.StreamMaxBatchingWindowSeconds,
            StreamMaxRetryAttempts = Number(ContextKeys.StreamMaxRetryAttempts) ?? defaults.StreamMaxRetryAttempts,
            StreamMaxRecordAgeSeconds = Number(ContextKeys.StreamMaxRecordAgeSeconds) ?? defaults.StreamMaxRecordAgeSeconds,
            StreamParallelizationFactor = Number(ContextKeys.StreamParallelizationFactor) ?? defaults.StreamParallelizationFactor,
            ApiStageName = Text(ContextKeys.ApiStageName) ?? defaults.ApiStageName,
            ApiThrottlingRateLimit = Number(ContextKeys.ApiThrottlingRateLimit) ?? defaults.ApiThrottlingRateLimit,
            ApiThrottlingBurstLimit = Number(ContextKeys.ApiThrottlingBurstLimit) ?? defaults.ApiThrottlingBurstLimit,
            MaxRequestBodyBytes = Number(ContextKeys.MaxRequestBodyBytes) ?? defaults.MaxRequestBodyBytes,
            ApiGatewayCloudWatchRole = Flag(ContextKeys.ApiGatewayCloudWatchRole) ?? defaults.ApiGatewayCloudWatchRole,
            IteratorAgeAlarmSeconds = Number(ContextKeys.IteratorAgeAlarmSeconds) ?? defaults.IteratorAgeAlarmSeconds,
            AlarmEmail = Text(ContextKeys.AlarmEmail) ?? defaults.AlarmEmail,
        };
    }

    /// <summary>A context value as text, or null when the key is not set (or set to an empty string).</summary>
    public string? Text(string key)
    {
        var text = Convert.ToString(tryGetContext(key), CultureInfo.InvariantCulture)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private int? Number(string key) =>
        Text(key) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
        : throw Invalid(key, text, "a whole number");

    private bool? Flag(string key) =>
        Text(key) is not { } text ? null
        : bool.TryParse(text, out var flag) ? flag
        : throw Invalid(key, text, "true or false");

    private FunctionArchitecture? Architecture() =>
        Text(ContextKeys.Architecture) switch
        {
            null => null,
            "arm64" => FunctionArchitecture.Arm64,
            "x86_64" => FunctionArchitecture.X64,
            var other => throw Invalid(ContextKeys.Architecture, other, "arm64 or x86_64"),
        };

    private static ArgumentException Invalid(string key, string value, string expected) =>
        new($"Context value {key}='{value}' is not valid: expected {expected}.");
}
