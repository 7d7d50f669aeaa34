using System.Text.Json;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class PermissionsTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    [Fact]
    public void The_api_function_may_only_read_and_write_items_of_the_two_tables_and_write_its_own_logs()
    {
        var function = _template.FunctionWithHandler("ShoppingCart.Api");
        var grants = Grants(_template.StatementsOfFunction("ShoppingCart.Api"));
        var tableResources = _template.ResourcesOfType("AWS::DynamoDB::Table");
        var indexed = Assert.Single(tableResources, table => table.Properties.TryGetProperty("GlobalSecondaryIndexes", out _));
        var tables = tableResources.Select(table => GetAtt(table.LogicalId, "Arn"))
            .Append($$"""{"Fn::Join":["",[{{GetAtt(indexed.LogicalId, "Arn")}},"/index/*"]]}""")
            .Order();

        var tableGrant = Assert.Single(grants, grant => grant.Actions.All(action => action.StartsWith("dynamodb:", StringComparison.Ordinal)));
        Assert.Equal(tables, tableGrant.Resources.Order());
        // Item reads and writes (a TransactWriteItems is authorized item by item); no Scan, no stream, no table changes.
        Assert.Equal(
            [
                "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem",
                "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem",
            ],
            tableGrant.Actions.Order());
        AssertTheRestOnlyWritesOwnLogs(grants.Except([tableGrant]), function);
    }

    [Fact]
    public void The_forwarder_may_only_put_events_on_the_bus_send_to_its_queues_read_the_outbox_stream_and_write_its_own_logs()
    {
        var function = _template.FunctionWithHandler("ShoppingCart.OutboxForwarder");
        var grants = Grants(_template.StatementsOfFunction("ShoppingCart.OutboxForwarder"));
        var bus = Assert.Single(_template.ResourcesOfType("AWS::Events::EventBus")).LogicalId;
        var outbox = Assert.Single(_template.ResourcesOfType("AWS::DynamoDB::Table"), table => table.Properties.TryGetProperty("StreamSpecification", out _)).LogicalId;

        var putEvents = Assert.Single(grants, grant => grant.Actions.SequenceEqual(["events:PutEvents"]));
        Assert.Equal([GetAtt(bus, "Arn")], putEvents.Resources);

        var send = Assert.Single(grants, grant => grant.Actions.Contains("sqs:SendMessage"));
        Assert.All(send.Actions, action => Assert.Contains(action, new[] { "sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl" }));
        Assert.Equal(
            new[] { GetAtt(_template.PoisonRecordQueueId, "Arn"), GetAtt(_template.StreamFailureQueueId, "Arn") }.Order(),
            send.Resources.Order());

        var readStream = Assert.Single(grants, grant => grant.Actions.Contains("dynamodb:GetRecords"));
        Assert.Equal(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], readStream.Actions.Order());
        Assert.Equal([GetAtt(outbox, "StreamArn")], readStream.Resources);

        // ListStreams has no resource-level permissions: IAM only accepts it on "*". It lists stream ARNs, nothing more.
        var listStreams = Assert.Single(grants, grant => grant.Actions.SequenceEqual(["dynamodb:ListStreams"]));
        Assert.Equal(["\"*\""], listStreams.Resources);

        AssertTheRestOnlyWritesOwnLogs(grants.Except([putEvents, send, readStream, listStreams]), function);
    }

    [Fact]
    public void The_function_roles_carry_no_managed_policy_so_nothing_is_granted_beyond_the_statements()
    {
        foreach (var handler in new[] { "ShoppingCart.Api", "ShoppingCart.OutboxForwarder" })
        {
            var role = _template.Resource(SynthesizedTemplate.ReferencedId(_template.FunctionWithHandler(handler).Property("Role")));

            Assert.False(role.Properties.TryGetProperty("ManagedPolicyArns", out _), handler);
            Assert.False(role.Properties.TryGetProperty("Policies", out _), handler);
        }
    }

    [Fact]
    public void No_statement_in_the_stack_allows_wildcard_actions()
    {
        var statements = _template.ResourcesOfType("AWS::IAM::Policy")
            .SelectMany(policy => policy.Property("PolicyDocument").GetProperty("Statement").EnumerateArray())
            .ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, statement =>
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            Assert.All(SynthesizedTemplate.OneOrMany(statement, "Action"), action => Assert.DoesNotContain("*", action.GetString(), StringComparison.Ordinal));
        });
    }

    private static void AssertTheRestOnlyWritesOwnLogs(IEnumerable<Grant> rest, TemplateResource function)
    {
        var logGroup = SynthesizedTemplate.ReferencedId(function.Property("LoggingConfig").GetProperty("LogGroup"));

        var logs = Assert.Single(rest);
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], logs.Actions.Order());
        Assert.Equal([GetAtt(logGroup, "Arn")], logs.Resources);
    }

    private static string GetAtt(string logicalId, string attribute) =>
        $$"""{"Fn::GetAtt":["{{logicalId}}","{{attribute}}"]}""";

    private static List<Grant> Grants(IEnumerable<JsonElement> statements) =>
        statements.Select(statement =>
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            return new Grant(
                SynthesizedTemplate.OneOrMany(statement, "Action").Select(action => action.GetString()!).ToList(),
                SynthesizedTemplate.OneOrMany(statement, "Resource").Select(SynthesizedTemplate.Json).ToList());
        }).ToList();

    private sealed record Grant(IReadOnlyList<string> Actions, IReadOnlyList<string> Resources);
}
