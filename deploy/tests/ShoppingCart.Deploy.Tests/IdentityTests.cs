using ShoppingCart.Deploy.Constructs;

namespace ShoppingCart.Deploy.Tests;

/// <summary>The customers' user pool, its app client, and the Cognito authorizer in front of every /carts method.</summary>
[Collection(CdkCollection.Name)]
public sealed class IdentityTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    private TemplateResource UserPool => Assert.Single(_template.ResourcesOfType("AWS::Cognito::UserPool"));

    private TemplateResource Authorizer => Assert.Single(_template.ResourcesOfType("AWS::ApiGateway::Authorizer"));

    [Fact]
    public void A_user_pool_of_customers_is_created_by_operators_only_and_kept_with_its_users()
    {
        Assert.True(UserPool.Property("AdminCreateUserConfig").GetProperty("AllowAdminCreateUserOnly").GetBoolean());
        Assert.Equal(12, UserPool.Property("Policies").GetProperty("PasswordPolicy").GetProperty("MinimumLength").GetInt32());
        Assert.Equal("ACTIVE", UserPool.Property("DeletionProtection").GetString());
        Assert.Equal("Retain", UserPool.Attribute("DeletionPolicy"));
    }

    [Fact]
    public void Its_app_client_has_no_secret_and_signs_in_by_password_for_the_cli_or_srp()
    {
        var client = Assert.Single(_template.ResourcesOfType("AWS::Cognito::UserPoolClient"));

        Assert.Equal(UserPool.LogicalId, SynthesizedTemplate.ReferencedId(client.Property("UserPoolId")));
        Assert.False(client.Property("GenerateSecret").GetBoolean());
        Assert.Equal(
            ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"],
            client.Property("ExplicitAuthFlows").EnumerateArray().Select(f => f.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_authorizer_checks_the_authorization_header_against_the_user_pool()
    {
        Assert.Equal("COGNITO_USER_POOLS", Authorizer.Property("Type").GetString());
        Assert.Equal("method.request.header.Authorization", Authorizer.Property("IdentitySource").GetString());
        Assert.Contains($"\"{UserPool.LogicalId}\"", SynthesizedTemplate.Json(Authorizer.Property("ProviderARNs")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_method_under_carts_requires_the_authorizer_and_only_those()
    {
        var resources = _template.ResourcesOfType("AWS::ApiGateway::Resource").ToDictionary(r => r.LogicalId);
        var carts = Assert.Single(resources.Values, r => r.Property("PathPart").GetString() == "carts");
        var cartsProxy = Assert.Single(resources.Values, r => r.Property("PathPart").GetString() == "{proxy+}"
            && SynthesizedTemplate.ReferencedId(r.Property("ParentId")) == carts.LogicalId);
        var methods = _template.ResourcesOfType("AWS::ApiGateway::Method");
        string? ResourceOf(TemplateResource method) => method.Properties.TryGetProperty("ResourceId", out var id) && id.TryGetProperty("Ref", out _)
            ? SynthesizedTemplate.ReferencedId(id)
            : null;

        var protectedMethods = methods.Where(m => ResourceOf(m) is { } id && (id == carts.LogicalId || id == cartsProxy.LogicalId)).ToList();
        var publicMethods = methods.Except(protectedMethods).ToList();

        Assert.Equal(2, protectedMethods.Count);
        Assert.All(protectedMethods, method =>
        {
            Assert.Equal("ANY", method.Property("HttpMethod").GetString());
            Assert.Equal("COGNITO_USER_POOLS", method.Property("AuthorizationType").GetString());
            Assert.Equal(Authorizer.LogicalId, SynthesizedTemplate.ReferencedId(method.Property("AuthorizerId")));
        });
        Assert.Equal(2, publicMethods.Count);
        Assert.All(publicMethods, method => Assert.Equal("NONE", method.Property("AuthorizationType").GetString()));
    }

    [Fact]
    public void The_gateways_own_401_is_a_problem_with_a_stable_code_and_a_bearer_challenge()
    {
        var response = Assert.Single(_template.ResourcesOfType("AWS::ApiGateway::GatewayResponse"));

        Assert.Equal("UNAUTHORIZED", response.Property("ResponseType").GetString());
        Assert.Equal("'Bearer'", response.Property("ResponseParameters").GetProperty("gatewayresponse.header.WWW-Authenticate").GetString());
        Assert.Equal("'application/problem+json'", response.Property("ResponseParameters").GetProperty("gatewayresponse.header.Content-Type").GetString());
        Assert.Equal(PublicApi.UnauthorizedProblem, response.Property("ResponseTemplates").GetProperty("application/json").GetString());
        Assert.Contains("\"code\":\"auth.invalid_token\"", PublicApi.UnauthorizedProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_function_verifies_tokens_itself_against_the_user_pool_issuer_and_the_app_client()
    {
        var variables = _template.FunctionWithHandler("ShoppingCart.Api").EnvironmentVariables;
        var client = Assert.Single(_template.ResourcesOfType("AWS::Cognito::UserPoolClient"));

        var issuer = SynthesizedTemplate.Json(variables["ShoppingCart__Identity__Issuer"]);
        Assert.Contains("https://cognito-idp.", issuer, StringComparison.Ordinal);
        Assert.Contains($"\"{UserPool.LogicalId}\"", issuer, StringComparison.Ordinal);
        Assert.Equal(client.LogicalId, SynthesizedTemplate.ReferencedId(variables["ShoppingCart__Identity__Audience"]));
        Assert.False(_template.FunctionWithHandler("ShoppingCart.OutboxForwarder").EnvironmentVariables.ContainsKey("ShoppingCart__Identity__Issuer"));
    }

    [Theory]
    [InlineData("UserPoolId", "AWS::Cognito::UserPool")]
    [InlineData("UserPoolClientId", "AWS::Cognito::UserPoolClient")]
    public void The_stack_outputs_what_a_client_needs_to_sign_in(string output, string resourceType)
    {
        var referenced = _template.Resource(SynthesizedTemplate.ReferencedId(_template.Output(output).GetProperty("Value")));

        Assert.Equal(resourceType, referenced.Element.GetProperty("Type").GetString());
    }
}
