using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// The alarms a team needs from day one, all notifying one SNS topic: events not flowing (the stream iterator falls
/// behind), the forwarder failing, anything in either dead-letter queue, and the API answering 5xx. No data is no
/// problem: an idle service raises nothing.
/// </summary>
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
    }

    public Topic Topic { get; }

    public Alarm IteratorAge { get; }

    public Alarm ForwarderErrors { get; }

    public Alarm PoisonRecords { get; }

    public Alarm StreamFailures { get; }

    public Alarm ApiServerErrors { get; }

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
        return alarm;
    }
}
