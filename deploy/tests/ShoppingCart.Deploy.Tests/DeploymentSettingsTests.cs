using ShoppingCart.Deploy.Settings;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Deploy.Tests;

public sealed class DeploymentSettingsTests
{
    [Fact]
    public void An_empty_context_gives_the_defaults_and_they_are_valid()
    {
        var settings = Read([]);

        Assert.Equal(new DeploymentSettings(), settings);
        Assert.Empty(settings.Validate());
        Assert.Equal("/aws/events/shopping-cart", settings.EffectiveEventLogGroupName);
    }

    [Fact]
    public void Command_line_values_arrive_as_strings_and_are_parsed()
    {
        var settings = Read(new()
        {
            [ContextKeys.Throwaway] = "true",
            [ContextKeys.Architecture] = "x86_64",
            [ContextKeys.StreamBatchSize] = "50",
            [ContextKeys.StreamMaxRecordAgeSeconds] = "3600",
            [ContextKeys.EventBusName] = "carts-dev",
            [ContextKeys.AlarmEmail] = "oncall@example.com",
        });

        Assert.True(settings.Throwaway);
        Assert.Equal(FunctionArchitecture.X64, settings.Architecture);
        Assert.Equal(50, settings.StreamBatchSize);
        Assert.Equal(3600, settings.StreamMaxRecordAgeSeconds);
        Assert.Equal("carts-dev", settings.EventBusName);
        Assert.Equal("/aws/events/carts-dev", settings.EffectiveEventLogGroupName);
        Assert.Equal("oncall@example.com", settings.AlarmEmail);
    }

    [Fact]
    public void Cdk_json_values_arrive_as_json_numbers_and_booleans_and_are_accepted()
    {
        var settings = Read(new()
        {
            [ContextKeys.Throwaway] = true,
            [ContextKeys.StreamParallelizationFactor] = 4d,
            [ContextKeys.ApiGatewayCloudWatchRole] = false,
        });

        Assert.True(settings.Throwaway);
        Assert.Equal(4, settings.StreamParallelizationFactor);
        Assert.False(settings.ApiGatewayCloudWatchRole);
    }

    [Theory]
    [InlineData(ContextKeys.StreamBatchSize, "many")]
    [InlineData(ContextKeys.Throwaway, "yes")]
    [InlineData(ContextKeys.Architecture, "arm")]
    [InlineData(ContextKeys.LogRetentionDays, "7.5")]
    public void A_value_of_the_wrong_kind_is_refused_with_its_key(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Read(new() { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContextKeys.StreamMaxRecordAgeSeconds, "86400")]
    [InlineData(ContextKeys.StreamMaxRecordAgeSeconds, "59")]
    [InlineData(ContextKeys.StreamMaxRetryAttempts, "-1")]
    [InlineData(ContextKeys.StreamParallelizationFactor, "11")]
    [InlineData(ContextKeys.StreamBatchSize, "0")]
    [InlineData(ContextKeys.StreamMaxBatchingWindowSeconds, "301")]
    [InlineData(ContextKeys.MaxRequestBodyBytes, "16385")]
    [InlineData(ContextKeys.EventLogGroupName, "/carts/events")]
    [InlineData(ContextKeys.LogRetentionDays, "31")]
    [InlineData(ContextKeys.CartsTableName, "carts table")]
    [InlineData(ContextKeys.OutboxTableName, DynamoDbSchema.Carts.DefaultTableName)]
    [InlineData(ContextKeys.EventBusName, "default")]
    // EventBridge API reference, PutEventsRequestEntry and CreateEventBus: a Source of 1-256 characters that does not
    // start with "aws." (reserved), a bus name of A-Z, a-z, 0-9, '.', '-', '_', '/'. Refused at synth, not per record.
    [InlineData(ContextKeys.EventSource, "aws.shopping-cart")]
    [InlineData(ContextKeys.EventSource, "shopping cart")]
    [InlineData(ContextKeys.EventBusName, "shopping cart bus")]
    [InlineData(ContextKeys.ApiMemorySize, "64")]
    [InlineData(ContextKeys.ApiStageName, "prod/v1")]
    [InlineData(ContextKeys.ApiThrottlingRateLimit, "0")]
    [InlineData(ContextKeys.AlarmEmail, "oncall")]
    public void A_context_value_that_cannot_be_deployed_is_reported_with_its_key(string key, string value)
    {
        var problem = Assert.Single(Read(new() { [key] = value }).Validate());

        Assert.StartsWith($"{key}:", problem, StringComparison.Ordinal);
    }

    private static DeploymentSettings Read(Dictionary<string, object> context) =>
        new DeploymentSettingsReader(key => context.GetValueOrDefault(key)).Read();
}
