using System.Text.Json;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class AlarmTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    [Fact]
    public void Events_not_flowing_raise_an_alarm_on_the_forwarder_iterator_age()
    {
        var alarm = AlarmOn("AWS/Lambda", "IteratorAge", DimensionIs("FunctionName", Forwarder));

        Assert.Equal("Maximum", alarm.Property("Statistic").GetString());
        Assert.Equal(300_000, alarm.Property("Threshold").GetDouble());
        Assert.Equal(60, alarm.Property("Period").GetInt32());
        Assert.Equal(3, alarm.Property("EvaluationPeriods").GetInt32());
    }

    [Fact]
    public void Forwarder_errors_raise_an_alarm()
    {
        var alarm = AlarmOn("AWS/Lambda", "Errors", DimensionIs("FunctionName", Forwarder));

        Assert.Equal("Sum", alarm.Property("Statistic").GetString());
        Assert.Equal(1, alarm.Property("Threshold").GetDouble());
    }

    [Fact]
    public void A_message_in_either_dead_letter_queue_raises_an_alarm()
    {
        foreach (var queue in new[] { _template.PoisonRecordQueueId, _template.StreamFailureQueueId })
        {
            var alarm = AlarmOn(
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                dimension => dimension.GetProperty("Name").GetString() == "QueueName" &&
                             SynthesizedTemplate.Json(dimension.GetProperty("Value")) == $$"""{"Fn::GetAtt":["{{queue}}","QueueName"]}""");

            Assert.Equal(1, alarm.Property("Threshold").GetDouble());
        }
    }

    [Fact]
    public void Api_server_errors_raise_an_alarm()
    {
        var alarm = AlarmOn(
            "AWS/ApiGateway",
            "5XXError",
            dimension => dimension.GetProperty("Name").GetString() == "ApiName" && dimension.GetProperty("Value").GetString() == "ShoppingCart");

        Assert.Equal("Sum", alarm.Property("Statistic").GetString());
        Assert.Equal(1, alarm.Property("Threshold").GetDouble());
    }

    [Fact]
    public void Every_alarm_fires_at_its_threshold_ignores_missing_data_and_notifies_the_alarm_topic()
    {
        var alarms = _template.ResourcesOfType("AWS::CloudWatch::Alarm");
        var topic = SynthesizedTemplate.ReferencedId(_template.Output("AlarmTopicArn").GetProperty("Value"));

        Assert.Equal(6, alarms.Count);
        Assert.All(alarms, alarm =>
        {
            Assert.Equal("GreaterThanOrEqualToThreshold", alarm.Property("ComparisonOperator").GetString());
            Assert.Equal("notBreaching", alarm.Property("TreatMissingData").GetString());
            Assert.Equal(topic, SynthesizedTemplate.ReferencedId(Assert.Single(alarm.Property("AlarmActions").EnumerateArray())));
        });
    }

    // The topic has its own policy (EnforceSSL writes one), which replaces SNS's default: CloudWatch may then publish only
    // if a statement allows it (AWS re:Post, "Why didn't I receive an SNS notification for my CloudWatch alarm trigger?").
    [Fact]
    public void Every_alarm_may_publish_to_the_alarm_topic_by_its_own_arn_from_this_account_only()
    {
        var topic = SynthesizedTemplate.ReferencedId(_template.Output("AlarmTopicArn").GetProperty("Value"));
        var policy = Assert.Single(_template.ResourcesOfType("AWS::SNS::TopicPolicy"));
        Assert.Equal([topic], policy.Property("Topics").EnumerateArray().Select(SynthesizedTemplate.ReferencedId));
        var allows = policy.Property("PolicyDocument").GetProperty("Statement").EnumerateArray()
            .Where(statement => statement.GetProperty("Effect").GetString() == "Allow")
            .ToList();

        var alarms = _template.ResourcesOfType("AWS::CloudWatch::Alarm");
        Assert.NotEmpty(alarms);
        Assert.All(alarms, alarm => Assert.Single(allows, statement =>
            SynthesizedTemplate.Json(statement.GetProperty("Principal")) == """{"Service":"cloudwatch.amazonaws.com"}""" &&
            SynthesizedTemplate.Json(statement.GetProperty("Action")) == "\"sns:Publish\"" &&
            SynthesizedTemplate.ReferencedId(statement.GetProperty("Resource")) == topic &&
            SynthesizedTemplate.Json(statement.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn")) ==
                $$"""{"Fn::GetAtt":["{{alarm.LogicalId}}","Arn"]}""" &&
            SynthesizedTemplate.Json(statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount")) ==
                """{"Ref":"AWS::AccountId"}"""));
        Assert.Equal(alarms.Count, allows.Count);
    }

    [Fact]
    public void Outbox_writes_without_any_forwarder_invocation_raise_an_alarm_that_iterator_age_cannot()
    {
        var outbox = Assert.Single(_template.ResourcesOfType("AWS::DynamoDB::Table"), table => table.Properties.TryGetProperty("StreamSpecification", out _)).LogicalId;
        var alarm = Assert.Single(_template.ResourcesOfType("AWS::CloudWatch::Alarm"), alarm => alarm.Properties.TryGetProperty("Metrics", out _));
        var metrics = alarm.Property("Metrics").EnumerateArray().ToList();

        var expression = Assert.Single(metrics, metric => metric.TryGetProperty("Expression", out _));
        Assert.Equal("IF(FILL(writes, 0) > 0 AND FILL(invocations, 0) == 0, 1, 0)", expression.GetProperty("Expression").GetString());
        var writes = Assert.Single(metrics, metric => metric.GetProperty("Id").GetString() == "writes").GetProperty("MetricStat").GetProperty("Metric");
        Assert.Equal("ConsumedWriteCapacityUnits", writes.GetProperty("MetricName").GetString());
        Assert.Equal(outbox, SynthesizedTemplate.ReferencedId(Assert.Single(writes.GetProperty("Dimensions").EnumerateArray()).GetProperty("Value")));
        var invocations = Assert.Single(metrics, metric => metric.GetProperty("Id").GetString() == "invocations").GetProperty("MetricStat").GetProperty("Metric");
        Assert.Equal("Invocations", invocations.GetProperty("MetricName").GetString());
        Assert.Equal(Forwarder, SynthesizedTemplate.ReferencedId(Assert.Single(invocations.GetProperty("Dimensions").EnumerateArray()).GetProperty("Value")));
        Assert.Equal(1, alarm.Property("Threshold").GetDouble());
        Assert.Equal(3, alarm.Property("EvaluationPeriods").GetInt32());
    }

    [Fact]
    public void An_alarm_email_from_the_context_is_subscribed_to_the_topic_and_the_iterator_age_threshold_is_configurable()
    {
        var custom = fixture.Synthesize(new DeploymentSettings { AlarmEmail = "oncall@example.com", IteratorAgeAlarmSeconds = 60 });

        var subscription = Assert.Single(custom.ResourcesOfType("AWS::SNS::Subscription"));
        Assert.Equal("email", subscription.Property("Protocol").GetString());
        Assert.Equal("oncall@example.com", subscription.Property("Endpoint").GetString());
        Assert.Contains(
            custom.ResourcesOfType("AWS::CloudWatch::Alarm"),
            alarm => alarm.Property("MetricName").GetString() == "IteratorAge" && alarm.Property("Threshold").GetDouble() == 60_000);
        Assert.Empty(_template.ResourcesOfType("AWS::SNS::Subscription"));
    }

    private string Forwarder => _template.FunctionWithHandler("ShoppingCart.OutboxForwarder").LogicalId;

    private static Func<JsonElement, bool> DimensionIs(string name, string referencedId) =>
        dimension => dimension.GetProperty("Name").GetString() == name &&
                     SynthesizedTemplate.ReferencedId(dimension.GetProperty("Value")) == referencedId;

    private TemplateResource AlarmOn(string metricNamespace, string metricName, Func<JsonElement, bool> dimension) =>
        Assert.Single(
            _template.ResourcesOfType("AWS::CloudWatch::Alarm"),
            alarm => alarm.Properties.TryGetProperty("Namespace", out var ns) && ns.GetString() == metricNamespace &&
                     alarm.Property("MetricName").GetString() == metricName &&
                     alarm.Property("Dimensions").EnumerateArray().Any(dimension));
}
