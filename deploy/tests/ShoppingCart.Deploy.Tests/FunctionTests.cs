using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class FunctionTests(SynthesisFixture fixture)
{
    private const string Api = "ShoppingCart.Api";
    private const string Forwarder = "ShoppingCart.OutboxForwarder";

    private readonly SynthesizedTemplate _template = fixture.Default;

    [Theory]
    [InlineData(Api)]
    [InlineData(Forwarder)]
    public void Each_app_runs_on_the_managed_dotnet10_runtime_for_arm64_with_its_executable_as_handler(string executable)
    {
        var function = _template.FunctionWithHandler(executable);

        Assert.Equal("dotnet10", function.Property("Runtime").GetString());
        Assert.Equal("""["arm64"]""", SynthesizedTemplate.Json(function.Property("Architectures")));
    }

    // The adapter's guide, "Zip Packages", AWS Commercial Regions: arn:aws:lambda:${AWS::Region}:753240598075:layer:
    // LambdaAdapterLayerArm64:26 (release 1.0.0-rc1). That account publishes in the aws partition only.
    [Theory]
    [InlineData(Api)]
    [InlineData(Forwarder)]
    public void Each_app_runs_under_the_web_adapter_layer_published_for_every_commercial_region(string executable)
    {
        var layer = Assert.Single(_template.FunctionWithHandler(executable).Property("Layers").EnumerateArray());

        Assert.Equal(
            """{"Fn::Join":["",["arn:aws:lambda:",{"Ref":"AWS::Region"},":753240598075:layer:LambdaAdapterLayerArm64:26"]]}""",
            SynthesizedTemplate.Json(layer));
    }

    [Theory]
    [InlineData("cn-north-1")]
    [InlineData("us-gov-west-1")]
    public void A_stack_in_a_region_the_adapter_layer_account_does_not_publish_to_must_name_its_layer(string region)
    {
        var app = new Amazon.CDK.App();
        var props = new Amazon.CDK.StackProps { Env = new Amazon.CDK.Environment { Region = region, Account = "123456789012" } };

        var refused = Assert.Throws<ArgumentException>(() => new ShoppingCartStack(app, new DeploymentSettings(), fixture.Code, props));
        Assert.Contains("webAdapterLayerArn", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Api)]
    [InlineData(Forwarder)]
    public void Each_app_is_started_by_the_adapter_wrapper_and_awaited_on_its_health_endpoint(string executable)
    {
        var variables = _template.FunctionWithHandler(executable).EnvironmentVariables;

        Assert.Equal("/opt/bootstrap", variables["AWS_LAMBDA_EXEC_WRAPPER"].GetString());
        Assert.Equal("8080", variables["AWS_LWA_PORT"].GetString());
        Assert.Equal("/health", variables["AWS_LWA_READINESS_CHECK_PATH"].GetString());
    }

    // aws-lambda-web-adapter src/lib.rs: only statuses listed in AWS_LWA_ERROR_STATUS_CODES ("500,502-504" style) fail the
    // invocation; any other answer is returned as the result, and a result that is not a batch response (a 404 body, an
    // empty 204) counts as complete success for a stream mapping ("Configuring partial batch response").
    [Fact]
    public void The_forwarder_receives_stream_batches_on_its_events_path_and_fails_the_invocation_on_every_status_but_200()
    {
        var variables = _template.FunctionWithHandler(Forwarder).EnvironmentVariables;

        Assert.Equal("/events", variables["AWS_LWA_PASS_THROUGH_PATH"].GetString());
        var failing = AdapterStatusCodes.Parse(variables["AWS_LWA_ERROR_STATUS_CODES"].GetString()!);
        Assert.Equal(Enumerable.Range(100, 500).Where(status => status != 200), failing.Order());
    }

    [Fact]
    public void The_api_returns_its_server_errors_to_api_gateway_as_responses_not_as_failed_invocations()
    {
        var variables = _template.FunctionWithHandler(Api).EnvironmentVariables;

        Assert.False(variables.ContainsKey("AWS_LWA_ERROR_STATUS_CODES"));
    }

    [Fact]
    public void The_api_is_told_its_deployed_tables_and_nothing_of_the_forwarder()
    {
        var variables = _template.FunctionWithHandler(Api).EnvironmentVariables;
        var tables = _template.ResourcesOfType("AWS::DynamoDB::Table")
            .ToDictionary(table => table.Property("TableName").GetString()!, table => table.LogicalId);

        Assert.Equal("Aws", variables["ShoppingCart__Infrastructure"].GetString());
        Assert.Equal(tables["shopping-cart-carts"], SynthesizedTemplate.ReferencedId(variables["ShoppingCart__DynamoDb__CartsTable"]));
        Assert.Equal(tables["shopping-cart-outbox"], SynthesizedTemplate.ReferencedId(variables["ShoppingCart__DynamoDb__OutboxTable"]));
        Assert.DoesNotContain(variables.Keys, name => name.StartsWith("ShoppingCart__EventBridge", StringComparison.Ordinal) || name.StartsWith("ShoppingCart__DeadLetterQueue", StringComparison.Ordinal));
    }

    [Fact]
    public void The_forwarder_is_told_the_deployed_bus_source_and_dead_letter_queue_and_nothing_of_the_tables()
    {
        var variables = _template.FunctionWithHandler(Forwarder).EnvironmentVariables;
        var bus = Assert.Single(_template.ResourcesOfType("AWS::Events::EventBus"));

        Assert.Equal(bus.LogicalId, SynthesizedTemplate.ReferencedId(variables["ShoppingCart__EventBridge__EventBusName"]));
        Assert.Equal("shopping-cart", variables["ShoppingCart__EventBridge__Source"].GetString());
        Assert.Equal(_template.PoisonRecordQueueId, SynthesizedTemplate.ReferencedId(variables["ShoppingCart__DeadLetterQueue__QueueUrl"]));
        Assert.DoesNotContain(variables.Keys, name => name.StartsWith("ShoppingCart__DynamoDb", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Api)]
    [InlineData(Forwarder)]
    public void Each_app_runs_with_workstation_gc_sized_for_a_small_sandbox(string executable)
    {
        Assert.Equal("0", _template.FunctionWithHandler(executable).EnvironmentVariables["DOTNET_gcServer"].GetString());
    }

    [Fact]
    public void The_api_outlasts_the_slowest_store_command_and_still_answers_before_api_gateway_gives_up_at_29_seconds()
    {
        var timeout = _template.FunctionWithHandler(Api).Property("Timeout").GetInt32();

        Assert.True(timeout > ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbTimeouts.Command.TotalSeconds, $"{timeout} s");
        Assert.InRange(timeout, 1, 28);
    }

    [Theory]
    [InlineData(Api, 1024, 27)]
    [InlineData(Forwarder, 512, 60)]
    public void Each_function_gets_its_default_memory_and_a_timeout(string executable, int memorySize, int timeoutSeconds)
    {
        var function = _template.FunctionWithHandler(executable);

        Assert.Equal(memorySize, function.Property("MemorySize").GetInt32());
        Assert.Equal(timeoutSeconds, function.Property("Timeout").GetInt32());
    }

    [Theory]
    [InlineData(Api)]
    [InlineData(Forwarder)]
    public void Each_function_logs_to_its_own_log_group_with_a_retention_period(string executable)
    {
        var logGroupId = SynthesizedTemplate.ReferencedId(
            _template.FunctionWithHandler(executable).Property("LoggingConfig").GetProperty("LogGroup"));

        Assert.Equal(30, _template.Resource(logGroupId).Property("RetentionInDays").GetInt32());
    }

    [Fact]
    public void X86_64_in_the_context_selects_the_x86_architecture_and_adapter_layer()
    {
        var x86 = fixture.Synthesize(new DeploymentSettings { Architecture = FunctionArchitecture.X64 });

        Assert.All(x86.ResourcesOfType("AWS::Lambda::Function").Where(function => function.Property("Runtime").GetString() == "dotnet10"), function =>
        {
            Assert.Equal("""["x86_64"]""", SynthesizedTemplate.Json(function.Property("Architectures")));
            Assert.Contains(":layer:LambdaAdapterLayerX86:26", SynthesizedTemplate.Json(function.Property("Layers")), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_layer_arn_and_memory_sizes_from_the_context_replace_the_defaults()
    {
        const string layerArn = "arn:aws:lambda:eu-west-1:123456789012:layer:MyAdapter:3";
        var custom = fixture.Synthesize(new DeploymentSettings { WebAdapterLayerArn = layerArn, ApiMemorySize = 2048, ForwarderMemorySize = 256 });

        Assert.Equal($"""["{layerArn}"]""", SynthesizedTemplate.Json(custom.FunctionWithHandler(Api).Property("Layers")));
        Assert.Equal($"""["{layerArn}"]""", SynthesizedTemplate.Json(custom.FunctionWithHandler(Forwarder).Property("Layers")));
        Assert.Equal(2048, custom.FunctionWithHandler(Api).Property("MemorySize").GetInt32());
        Assert.Equal(256, custom.FunctionWithHandler(Forwarder).Property("MemorySize").GetInt32());
    }
}
