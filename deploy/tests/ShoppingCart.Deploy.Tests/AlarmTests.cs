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

        Assert.Equal(5, alarms.Count);
        Assert.All(alarms, alarm =>
        {
            Assert.Equal("GreaterThanOrEqualToThreshold", alarm.Property("ComparisonOperator").GetString());
            Assert.Equal("notBreaching", alarm.Property("TreatMissingData").GetString());
            Assert.Equal(topic, SynthesizedTemplate.ReferencedId(Assert.Single(alarm.Property("AlarmActions").EnumerateArray())));
        });
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
            alarm => alarm.Property("Namespace").GetString() == metricNamespace &&
                     alarm.Property("MetricName").GetString() == metricName &&
                     alarm.Property("Dimensions").EnumerateArray().Any(dimension));
}
