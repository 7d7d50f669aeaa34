using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Logs;
using Constructs;
using ShoppingCart.Deploy.Settings;
using CloudWatchLogGroupTarget = Amazon.CDK.AWS.Events.Targets.CloudWatchLogGroup;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// The service's custom event bus, and a rule that copies every event of the service's source into a CloudWatch Logs
/// group: the log of all events a team reads to see what was published (and the twin of the embedded event log); and an
/// archive of the same events, from which EventBridge itself replays a time window to consumers that lost events.
/// </summary>
internal sealed class EventLog : Construct
{
    public EventLog(Construct scope, string id, DeploymentSettings settings)
        : base(scope, id)
    {
        Bus = new EventBus(this, "Bus", new EventBusProps
        {
            EventBusName = settings.EventBusName,
            Description = "Integration events of the shopping-cart service",
        });

        LogGroup = new LogGroup(this, "AllEvents", new LogGroupProps
        {
            LogGroupName = settings.EffectiveEventLogGroupName,
            Retention = LogRetentionPeriods.Of(settings.LogRetentionDays),
        });

        // The target adds the log group's resource policy that lets EventBridge write to it.
        _ = new Rule(this, "LogAllEvents", new RuleProps
        {
            EventBus = Bus,
            Description = $"Every event of source '{settings.EventSource}' into {settings.EffectiveEventLogGroupName}",
            EventPattern = new EventPattern { Source = [settings.EventSource] },
            Targets = [new CloudWatchLogGroupTarget(LogGroup)],
        });

        // EventBridge archives what matches the pattern; replayed events are never archived again.
        Archive = Bus.Archive("Archive", new BaseArchiveProps
        {
            Description = $"Every event of source '{settings.EventSource}', for replay by time window",
            EventPattern = new EventPattern { Source = [settings.EventSource] },
            Retention = Duration.Days(settings.EventArchiveRetentionDays),
        });
    }

    public EventBus Bus { get; }

    public LogGroup LogGroup { get; }

    public Archive Archive { get; }
}
