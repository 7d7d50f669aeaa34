using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// The alarms a team needs from day one, all notifying one SNS topic: events not flowing (the stream iterator falls
/// behind, or the stream is not read at all), the forwarder failing, anything in either dead-letter queue, and the API
/// answering 5xx. No data is no problem: an idle service raises nothing.
/// </summary>
/// <remarks>
/// The topic has a policy of its own (<c>EnforceSSL</c> writes one), and a topic policy replaces SNS's default one: without
/// an explicit allow, CloudWatch has no right to publish and every alarm action fails ("is not authorized to perform:
/// SNS:Publish", AWS re:Post "Why didn't I receive an SNS notification for my CloudWatch alarm trigger?"). So each alarm
/// that notifies the topic is allowed to, by its ARN and this account only.
/// </remarks>
internal sealed class OperationalAlarms : Construct
{
    public OperationalAlarms(Construct scope, string id, OperationalAlarmsProps props)
        : base(scope, id)
    {
        Topic = new Topic(this, "Topic", new TopicProps { DisplayName = "Shopping-cart service alarms", EnforceSSL = true });
        if (props.AlarmEmail is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        IteratorAge = NotifyingAlarm(
            "IteratorAge",
            props.Forwarder.Metric("IteratorAge", new MetricOptions { Statistic = Stats.MAXIMUM, Period = Duration.Minutes(1) }),
            threshold: props.IteratorAgeAlarmSeconds * 1000,
            evaluationPeriods: 3,
            "Outbox events are not flowing: the forwarder's oldest unprocessed stream record is older than " +
            $"{props.IteratorAgeAlarmSeconds} s (milliseconds, maximum over a minute, 3 minutes in a row).");

        ForwarderErrors = NotifyingAlarm(
            "ForwarderErrors",
            props.Forwarder.MetricErrors(new MetricOptions { Statistic = Stats.SUM, Period = Duration.Minutes(5) }),
            threshold: 1,
            evaluationPeriods: 1,
            "The outbox forwarder failed invocations: the stream retries them, then bisects and gives up on poison records.");

        PoisonRecords = NotifyingAlarm(
            "PoisonRecords",
            props.PoisonRecordQueue.MetricApproximateNumberOfMessagesVisible(
                new MetricOptions { Statistic = Stats.MAXIMUM, Period = Duration.Minutes(1) }),
            threshold: 1,
            evaluationPeriods: 1,
            "Outbox records that can never be published are waiting in the forwarder's dead-letter queue.");

        StreamFailures = NotifyingAlarm(
            "StreamFailures",
            props.StreamFailureQueue.MetricApproximateNumberOfMessagesVisible(
                new MetricOptions { Statistic = Stats.MAXIMUM, Period = Duration.Minutes(1) }),
            threshold: 1,
            evaluationPeriods: 1,
            "The stream mapping gave up on outbox records (retries or age exhausted): their shard positions are in the queue.");

        ApiServerErrors = NotifyingAlarm(
            "ApiServerErrors",
            props.Api.MetricServerError(new MetricOptions { Statistic = Stats.SUM, Period = Duration.Minutes(5) }),
            threshold: 1,
            evaluationPeriods: 1,
            "The API answered 5xx: client mistakes are 4xx, so each one is a fault, a timeout or throttling.");

        StreamNotRead = NotifyingAlarm(
            "StreamNotRead",
            StreamNotReadMetric(props),
            threshold: 1,
            evaluationPeriods: 3,
            "Outbox records are being written but the forwarder is not invoked at all (a disabled or broken event source " +
            "mapping): the iterator-age alarm cannot see this, since no invocation means no IteratorAge data.");
    }

    public Topic Topic { get; }

    public Alarm IteratorAge { get; }

    public Alarm ForwarderErrors { get; }

    public Alarm PoisonRecords { get; }

    public Alarm StreamFailures { get; }

    public Alarm ApiServerErrors { get; }

    public Alarm StreamNotRead { get; }

    /// <summary>
    /// 1 for a 5-minute period in which the outbox table consumed write capacity (new records; TTL deletions are free) while
    /// the forwarder had no invocation, else 0.
    /// </summary>
    private static MathExpression StreamNotReadMetric(OperationalAlarmsProps props) => new(new MathExpressionProps
    {
        Expression = "IF(FILL(writes, 0) > 0 AND FILL(invocations, 0) == 0, 1, 0)",
        UsingMetrics = new Dictionary<string, IMetric>
        {
            ["writes"] = props.Outbox.MetricConsumedWriteCapacityUnits(new MetricOptions { Statistic = Stats.SUM, Period = Duration.Minutes(5) }),
            ["invocations"] = props.Forwarder.MetricInvocations(new MetricOptions { Statistic = Stats.SUM, Period = Duration.Minutes(5) }),
        },
        Period = Duration.Minutes(5),
        Label = "Outbox written, forwarder idle",
    });

    private Alarm NotifyingAlarm(string id, IMetric metric, double threshold, int evaluationPeriods, string description)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = evaluationPeriods,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
        alarm.AddAlarmAction(new SnsAction(Topic));
        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = $"AllowAlarm{id}",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = alarm.AlarmArn },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Amazon.CDK.Stack.Of(this).Account },
            },
        }));
        return alarm;
    }
}
