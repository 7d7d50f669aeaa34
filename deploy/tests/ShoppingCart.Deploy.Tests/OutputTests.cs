namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class OutputTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    [Theory]
    [InlineData("EventBusName", "AWS::Events::EventBus")]
    [InlineData("EventLogGroupName", "AWS::Logs::LogGroup")]
    [InlineData("PoisonRecordQueueUrl", "AWS::SQS::Queue")]
    [InlineData("StreamFailureQueueUrl", "AWS::SQS::Queue")]
    [InlineData("ApiAccessLogGroupName", "AWS::Logs::LogGroup")]
    [InlineData("ApiLogGroupName", "AWS::Logs::LogGroup")]
    [InlineData("ForwarderLogGroupName", "AWS::Logs::LogGroup")]
    [InlineData("AlarmTopicArn", "AWS::SNS::Topic")]
    [InlineData("CartsTableName", "AWS::DynamoDB::Table")]
    [InlineData("OutboxTableName", "AWS::DynamoDB::Table")]
    public void An_output_names_each_resource_a_team_looks_for(string output, string resourceType)
    {
        var referenced = _template.Resource(SynthesizedTemplate.ReferencedId(_template.Output(output).GetProperty("Value")));

        Assert.Equal(resourceType, referenced.Element.GetProperty("Type").GetString());
    }

    [Fact]
    public void The_api_url_output_points_at_the_deployed_stage()
    {
        var url = SynthesizedTemplate.Json(_template.Output("ApiUrl").GetProperty("Value"));
        var api = Assert.Single(_template.ResourcesOfType("AWS::ApiGateway::RestApi"));
        var stage = Assert.Single(_template.ResourcesOfType("AWS::ApiGateway::Stage"));

        Assert.StartsWith("""{"Fn::Join":["",["https://",""", url, StringComparison.Ordinal);
        Assert.Contains($"\"{api.LogicalId}\"", url, StringComparison.Ordinal);
        Assert.Contains($"\"{stage.LogicalId}\"", url, StringComparison.Ordinal);
    }
}
