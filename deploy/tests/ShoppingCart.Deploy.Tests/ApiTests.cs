using System.Text.Json;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class ApiTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    private TemplateResource Stage => Assert.Single(_template.ResourcesOfType("AWS::ApiGateway::Stage"));

    [Fact]
    public void A_regional_rest_api_sends_every_method_on_every_path_to_the_api_function()
    {
        var api = Assert.Single(_template.ResourcesOfType("AWS::ApiGateway::RestApi"));
        var resources = _template.ResourcesOfType("AWS::ApiGateway::Resource");
        var methods = _template.ResourcesOfType("AWS::ApiGateway::Method");
        var apiFunction = _template.FunctionWithHandler("ShoppingCart.Api").LogicalId;

        Assert.Equal("""{"Types":["REGIONAL"]}""", SynthesizedTemplate.Json(api.Property("EndpointConfiguration")));
        Assert.Equal(["carts", "{proxy+}", "{proxy+}"], resources.Select(r => r.Property("PathPart").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(4, methods.Count);
        Assert.All(methods, method =>
        {
            Assert.Equal("ANY", method.Property("HttpMethod").GetString());
            var integration = method.Property("Integration");
            Assert.Equal("AWS_PROXY", integration.GetProperty("Type").GetString());
            Assert.Equal("POST", integration.GetProperty("IntegrationHttpMethod").GetString());
            Assert.Contains($"\"{apiFunction}\"", SynthesizedTemplate.Json(integration.GetProperty("Uri")), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_stage_throttles_every_method()
    {
        var settings = Assert.Single(Stage.Property("MethodSettings").EnumerateArray());

        Assert.Equal("prod", Stage.Property("StageName").GetString());
        Assert.Equal("*", settings.GetProperty("HttpMethod").GetString());
        Assert.Equal("/*", settings.GetProperty("ResourcePath").GetString());
        Assert.Equal(100, settings.GetProperty("ThrottlingRateLimit").GetInt32());
        Assert.Equal(200, settings.GetProperty("ThrottlingBurstLimit").GetInt32());
    }

    [Fact]
    public void The_stage_writes_a_json_access_log_line_per_request_to_a_log_group_with_retention()
    {
        var accessLog = Stage.Property("AccessLogSetting");
        var destination = SynthesizedTemplate.Json(accessLog.GetProperty("DestinationArn"));
        var logGroup = Assert.Single(
            _template.ResourcesOfType("AWS::Logs::LogGroup"),
            group => destination.Contains($"\"{group.LogicalId}\"", StringComparison.Ordinal));
        using var format = JsonDocument.Parse(accessLog.GetProperty("Format").GetString()!);

        Assert.Equal(30, logGroup.Property("RetentionInDays").GetInt32());
        Assert.Equal("$context.requestId", format.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("$context.status", format.RootElement.GetProperty("status").GetString());
        Assert.Equal("$context.integrationLatency", format.RootElement.GetProperty("integrationLatency").GetString());
        Assert.Equal("$context.waf.status", format.RootElement.GetProperty("wafStatus").GetString());
    }

    [Fact]
    public void Api_gateway_gets_the_account_role_it_needs_to_write_logs_and_the_role_outlives_the_stack()
    {
        var account = Assert.Single(_template.ResourcesOfType("AWS::ApiGateway::Account"));
        var role = _template.Resource(SynthesizedTemplate.ReferencedId(account.Property("CloudWatchRoleArn")));

        Assert.Equal("Retain", role.Attribute("DeletionPolicy"));
        Assert.Contains("apigateway.amazonaws.com", SynthesizedTemplate.Json(role.Property("AssumeRolePolicyDocument")), StringComparison.Ordinal);
    }

    [Fact]
    public void Request_bodies_over_16_kb_are_answered_413_by_a_waf_rule_on_the_stage()
    {
        var webAcl = Assert.Single(_template.ResourcesOfType("AWS::WAFv2::WebACL"));
        var rule = Assert.Single(webAcl.Property("Rules").EnumerateArray());
        var sizeConstraint = rule.GetProperty("Statement").GetProperty("SizeConstraintStatement");
        var association = Assert.Single(_template.ResourcesOfType("AWS::WAFv2::WebACLAssociation"));

        Assert.Equal("REGIONAL", webAcl.Property("Scope").GetString());
        Assert.Equal("""{"Allow":{}}""", SynthesizedTemplate.Json(webAcl.Property("DefaultAction")));
        Assert.Equal("""{"Body":{"OversizeHandling":"MATCH"}}""", SynthesizedTemplate.Json(sizeConstraint.GetProperty("FieldToMatch")));
        Assert.Equal("GT", sizeConstraint.GetProperty("ComparisonOperator").GetString());
        Assert.Equal(16_384, sizeConstraint.GetProperty("Size").GetInt32());
        Assert.Equal(413, rule.GetProperty("Action").GetProperty("Block").GetProperty("CustomResponse").GetProperty("ResponseCode").GetInt32());
        Assert.Equal(webAcl.LogicalId, SynthesizedTemplate.ReferencedId(association.Property("WebACLArn")));
        Assert.Contains($"\"/stages/\",{{\"Ref\":\"{Stage.LogicalId}\"}}", SynthesizedTemplate.Json(association.Property("ResourceArn")), StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_name_throttling_body_limit_and_account_role_come_from_the_settings()
    {
        var custom = fixture.Synthesize(new DeploymentSettings
        {
            ApiStageName = "v1",
            ApiThrottlingRateLimit = 10,
            ApiThrottlingBurstLimit = 20,
            MaxRequestBodyBytes = 4096,
            ApiGatewayCloudWatchRole = false,
        });
        var stage = Assert.Single(custom.ResourcesOfType("AWS::ApiGateway::Stage"));
        var settings = Assert.Single(stage.Property("MethodSettings").EnumerateArray());
        var webAcl = Assert.Single(custom.ResourcesOfType("AWS::WAFv2::WebACL"));

        Assert.Equal("v1", stage.Property("StageName").GetString());
        Assert.Equal((10, 20), (settings.GetProperty("ThrottlingRateLimit").GetInt32(), settings.GetProperty("ThrottlingBurstLimit").GetInt32()));
        Assert.Equal(4096, webAcl.Property("Rules")[0].GetProperty("Statement").GetProperty("SizeConstraintStatement").GetProperty("Size").GetInt32());
        Assert.Empty(custom.ResourcesOfType("AWS::ApiGateway::Account"));
    }
}
