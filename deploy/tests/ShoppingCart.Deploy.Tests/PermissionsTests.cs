using System.Text.Json;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class PermissionsTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    [Fact]
    public void The_api_function_may_only_get_and_put_items_of_the_two_tables_and_write_its_own_logs()
    {
        var function = _template.FunctionWithHandler("ShoppingCart.Api");
        var grants = Grants(_template.StatementsOfFunction("ShoppingCart.Api"));
        var tableResources = _template.ResourcesOfType("AWS::DynamoDB::Table");
        var indexed = Assert.Single(tableResources, table => table.Properties.TryGetProperty("GlobalSecondaryIndexes", out _));
        var tables = tableResources.Select(table => GetAtt(table.LogicalId, "Arn"))
            .Append($$"""{"Fn::Join":["",[{{GetAtt(indexed.LogicalId, "Arn")}},"/index/*"]]}""")
            .Order();

        var tableGrants = grants.Where(grant => grant.Actions.All(action => action.StartsWith("dynamodb:", StringComparison.Ordinal))).ToList();
        Assert.Equal(tables, tableGrants.SelectMany(grant => grant.Resources).Order());
        // What the code calls: GetItem, and TransactWriteItems, whose each Put is authorized as a PutItem on its table
        // (DynamoDB developer guide, "Using IAM with DynamoDB transactions"), and Query only on the carts table and its
        // index, for a customer's listing. No Scan, Delete, Update, Describe.
        Assert.All(tableGrants, grant => Assert.Equal(
            grant.Resources.Any(resource => resource.Contains("/index/*", StringComparison.Ordinal))
                ? ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
                : ["dynamodb:GetItem", "dynamodb:PutItem"],
            grant.Actions.Order()));
        AssertTheRestOnlyWritesOwnLogs(grants.Except(tableGrants), function);
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

        // The dead-letter queue gets SendMessage from the code; the stream failure queue from the mapping, under the
        // function's role. Neither needs GetQueueAttributes or GetQueueUrl (the URL is configured).
        var send = grants.Where(grant => grant.Actions.Any(action => action.StartsWith("sqs:", StringComparison.Ordinal))).ToList();
        Assert.All(send, grant => Assert.Equal(["sqs:SendMessage"], grant.Actions));
        Assert.Equal(
            new[] { GetAtt(_template.PoisonRecordQueueId, "Arn"), GetAtt(_template.StreamFailureQueueId, "Arn") }.Order(),
            send.SelectMany(grant => grant.Resources).Order());

        var readStream = Assert.Single(grants, grant => grant.Actions.Contains("dynamodb:GetRecords"));
        Assert.Equal(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], readStream.Actions.Order());
        Assert.Equal([GetAtt(outbox, "StreamArn")], readStream.Resources);

        // ListStreams has no resource-level permissions: IAM only accepts it on "*". It lists stream ARNs, nothing more.
        var listStreams = Assert.Single(grants, grant => grant.Actions.SequenceEqual(["dynamodb:ListStreams"]));
        Assert.Equal(["\"*\""], listStreams.Resources);

        AssertTheRestOnlyWritesOwnLogs(grants.Except([putEvents, readStream, listStreams, .. send]), function);
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
