using System.Text.Json;
using Amazon.CDK.Assertions;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class EventLogTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    [Fact]
    public void A_custom_bus_is_created_with_the_configured_name()
    {
        var bus = Assert.Single(_template.ResourcesOfType("AWS::Events::EventBus"));

        Assert.Equal("shopping-cart", bus.Property("Name").GetString());
    }

    [Fact]
    public void A_rule_on_the_custom_bus_matches_every_event_of_the_service_source()
    {
        var rule = Assert.Single(_template.ResourcesOfType("AWS::Events::Rule"));
        var bus = Assert.Single(_template.ResourcesOfType("AWS::Events::EventBus"));

        Assert.Equal(bus.LogicalId, SynthesizedTemplate.ReferencedId(rule.Property("EventBusName")));
        Assert.Equal("""{"source":["shopping-cart"]}""", SynthesizedTemplate.Json(rule.Property("EventPattern")));
        Assert.Equal("ENABLED", rule.Property("State").GetString());
    }

    [Fact]
    public void The_rule_targets_a_log_group_under_aws_events_with_a_retention_period()
    {
        var rule = Assert.Single(_template.ResourcesOfType("AWS::Events::Rule"));
        var target = Assert.Single(rule.Property("Targets").EnumerateArray());
        var logGroup = Assert.Single(
            _template.ResourcesOfType("AWS::Logs::LogGroup"),
            group => group.Properties.TryGetProperty("LogGroupName", out var name) &&
                     name.ValueKind == JsonValueKind.String && name.GetString() == "/aws/events/shopping-cart");

        var targetArn = SynthesizedTemplate.Json(target.GetProperty("Arn"));
        Assert.Contains($"\"{logGroup.LogicalId}\"", targetArn, StringComparison.Ordinal);
        Assert.Equal(30, logGroup.Property("RetentionInDays").GetInt32());
    }

    [Fact]
    public void EventBridge_is_allowed_to_write_to_the_event_log_group()
    {
        var policy = Assert.Single(_template.ResourcesOfType("Custom::CloudwatchLogResourcePolicy"));
        var create = SynthesizedTemplate.Json(policy.Property("Create"));

        Assert.Contains("putResourcePolicy", create, StringComparison.Ordinal);
        Assert.Contains("events.amazonaws.com", create, StringComparison.Ordinal);
        Assert.Contains("logs:PutLogEvents", create, StringComparison.Ordinal);
    }

    [Fact]
    public void Bus_source_log_group_and_retention_come_from_the_settings()
    {
        var custom = fixture.Synthesize(new DeploymentSettings
        {
            EventBusName = "carts-dev",
            EventSource = "carts.dev",
            EventLogGroupName = "/aws/events/carts-dev-all",
            LogRetentionDays = 7,
        });

        custom.Assertions.HasResourceProperties("AWS::Events::EventBus", new Dictionary<string, object> { ["Name"] = "carts-dev" });
        custom.Assertions.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = new Dictionary<string, object> { ["source"] = new[] { "carts.dev" } },
        });
        custom.Assertions.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/aws/events/carts-dev-all",
            ["RetentionInDays"] = 7,
        });
        custom.Assertions.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["ShoppingCart__EventBridge__Source"] = "carts.dev" }),
            },
        });
    }
}
