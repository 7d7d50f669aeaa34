using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

/// <summary>
/// The bus's archive, from which EventBridge replays a time window ("Archiving and replaying events in Amazon
/// EventBridge"; AWS::Events::Archive: RetentionDays 0 keeps events indefinitely).
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class EventArchiveTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    [Fact]
    public void The_bus_is_archived_for_30_days_by_default_with_every_event_of_the_service_source()
    {
        var archive = Assert.Single(_template.ResourcesOfType("AWS::Events::Archive"));
        var bus = Assert.Single(_template.ResourcesOfType("AWS::Events::EventBus"));

        Assert.Equal(bus.LogicalId, SynthesizedTemplate.ReferencedId(archive.Property("SourceArn")));
        Assert.Equal(30, archive.Property("RetentionDays").GetInt32());
        Assert.Equal("""{"source":["shopping-cart"]}""", SynthesizedTemplate.Json(archive.Property("EventPattern")));
    }

    [Fact]
    public void The_archive_is_a_stack_output_for_replay_commands()
    {
        var archive = Assert.Single(_template.ResourcesOfType("AWS::Events::Archive"));

        Assert.Equal(archive.LogicalId, SynthesizedTemplate.ReferencedId(_template.Output("EventArchiveArn").GetProperty("Value")));
    }

    [Fact]
    public void The_retention_is_a_setting()
    {
        var custom = fixture.Synthesize(new DeploymentSettings { EventArchiveRetentionDays = 90, EventSource = "carts.dev" });

        custom.Assertions.HasResourceProperties("AWS::Events::Archive", new Dictionary<string, object>
        {
            ["RetentionDays"] = 90,
            ["EventPattern"] = new Dictionary<string, object> { ["source"] = new[] { "carts.dev" } },
        });
    }

    [Fact]
    public void A_negative_retention_is_refused_with_its_key()
    {
        var problems = new DeploymentSettings { EventArchiveRetentionDays = -1 }.Validate();

        Assert.Contains(problems, p => p.StartsWith(ContextKeys.EventArchiveRetentionDays + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void The_retention_is_read_from_the_context()
    {
        var settings = new DeploymentSettingsReader(key => key == ContextKeys.EventArchiveRetentionDays ? "7" : null).Read();

        Assert.Equal(7, settings.EventArchiveRetentionDays);
    }
}
