namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class QueueTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    public static TheoryData<string> Queues => new() { "PoisonRecordQueueUrl", "StreamFailureQueueUrl" };

    [Theory]
    [MemberData(nameof(Queues))]
    public void Each_dead_letter_queue_is_encrypted_and_keeps_messages_14_days(string output)
    {
        var queue = _template.Resource(SynthesizedTemplate.ReferencedId(_template.Output(output).GetProperty("Value")));

        Assert.Equal("AWS::SQS::Queue", queue.Element.GetProperty("Type").GetString());
        Assert.True(queue.Property("SqsManagedSseEnabled").GetBoolean());
        Assert.Equal(14 * 24 * 60 * 60, queue.Property("MessageRetentionPeriod").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public void Each_dead_letter_queue_refuses_requests_without_tls(string output)
    {
        var queueId = SynthesizedTemplate.ReferencedId(_template.Output(output).GetProperty("Value"));
        var policy = Assert.Single(
            _template.ResourcesOfType("AWS::SQS::QueuePolicy"),
            policy => policy.Property("Queues").EnumerateArray().Any(queue => SynthesizedTemplate.ReferencedId(queue) == queueId));

        var statement = Assert.Single(policy.Property("PolicyDocument").GetProperty("Statement").EnumerateArray());
        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal("""{"Bool":{"aws:SecureTransport":"false"}}""", SynthesizedTemplate.Json(statement.GetProperty("Condition")));
    }

    [Fact]
    public void The_two_dead_letter_queues_are_distinct()
    {
        Assert.NotEqual(_template.PoisonRecordQueueId, _template.StreamFailureQueueId);
        Assert.Equal(2, _template.ResourcesOfType("AWS::SQS::Queue").Count);
    }
}
