using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// A regional REST API that proxies every path and method to the API function (the app does its own routing), with
/// stage-wide throttling, a JSON access log line per request, and a request body size limit. Every method under
/// <c>/carts</c> requires a Cognito ID token of the customers' user pool (the app verifies it again); the rest
/// (<c>/health</c>, <c>/openapi/v1.json</c>, unknown paths the app answers 404) stays public.
/// </summary>
internal sealed class PublicApi : Construct
{
    public PublicApi(Construct scope, string id, IFunction handler, CustomerIdentity identity, DeploymentSettings settings)
        : base(scope, id)
    {
        AccessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps
        {
            Retention = LogRetentionPeriods.Of(settings.LogRetentionDays),
        });

        Api = new LambdaRestApi(this, "Api", new LambdaRestApiProps
        {
            Handler = handler,

            // Not CDK's catch-all proxy: /carts needs its own resources to carry the authorizer.
            Proxy = false,
            RestApiName = settings.StackName,
            Description = "Shopping-cart service API",
            EndpointTypes = [EndpointType.REGIONAL],
            CloudWatchRole = settings.ApiGatewayCloudWatchRole,
            // The role is an account-wide setting other APIs may rely on: deleting this stack must not remove it.
            CloudWatchRoleRemovalPolicy = settings.ApiGatewayCloudWatchRole ? RemovalPolicy.RETAIN : null,
            DeployOptions = new StageOptions
            {
                StageName = settings.ApiStageName,
                ThrottlingRateLimit = settings.ApiThrottlingRateLimit,
                ThrottlingBurstLimit = settings.ApiThrottlingBurstLimit,
                AccessLogDestination = new LogGroupLogDestination(AccessLogs),
                AccessLogFormat = AccessLogFormat.Custom(AccessLogLine),
            },
        });

        Api.Root.AddMethod("ANY");
        Api.Root.AddResource("{proxy+}").AddMethod("ANY");
        Authorizer = new CognitoUserPoolsAuthorizer(this, "CustomerTokens", new CognitoUserPoolsAuthorizerProps
        {
            CognitoUserPools = [identity.UserPool],
            IdentitySource = "method.request.header.Authorization",
            ResultsCacheTtl = Duration.Minutes(5),
        });
        var protectedMethod = new MethodOptions { AuthorizationType = AuthorizationType.COGNITO, Authorizer = Authorizer };
        var carts = Api.Root.AddResource("carts");
        carts.AddMethod("ANY", integration: null, protectedMethod);
        carts.AddResource("{proxy+}").AddMethod("ANY", integration: null, protectedMethod);

        // The gateway's own refusal (no token, or one the authorizer rejects) in the app's shape: problem+json with a
        // stable code and a bearer challenge, instead of {"message":"Unauthorized"}.
        Api.AddGatewayResponse("Unauthorized", new GatewayResponseOptions
        {
            Type = ResponseType_.UNAUTHORIZED,
            StatusCode = "401",
            ResponseHeaders = new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = "'Bearer'",
                ["Content-Type"] = "'application/problem+json'",
            },
            Templates = new Dictionary<string, string>
            {
                ["application/json"] = UnauthorizedProblem,
            },
        });

        BodySizeLimit = new RequestBodySizeLimit(this, "BodySizeLimit", Api.DeploymentStage, settings.MaxRequestBodyBytes);
    }

    /// <summary>
    /// One JSON line per request: who, what, the outcome, where the time went (API Gateway, WAF, Lambda) and, on failure,
    /// why. No headers or bodies: they may carry personal data.
    /// </summary>
    public static string AccessLogLine { get; } = JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["requestId"] = AccessLogField.ContextRequestId(),
        ["requestTime"] = AccessLogField.ContextRequestTime(),
        ["ip"] = AccessLogField.ContextIdentitySourceIp(),
        ["userAgent"] = AccessLogField.ContextIdentityUserAgent(),
        ["httpMethod"] = AccessLogField.ContextHttpMethod(),
        ["path"] = AccessLogField.ContextPath(),
        ["protocol"] = AccessLogField.ContextProtocol(),
        ["status"] = AccessLogField.ContextStatus(),
        ["responseLength"] = AccessLogField.ContextResponseLength(),
        ["responseLatency"] = AccessLogField.ContextResponseLatency(),
        ["integrationStatus"] = AccessLogField.ContextIntegrationStatus(),
        ["integrationLatency"] = AccessLogField.ContextIntegrationLatency(),
        ["integrationError"] = AccessLogField.ContextIntegrationErrorMessage(),
        ["error"] = AccessLogField.ContextErrorMessage(),
        ["wafStatus"] = AccessLogField.ContextWafStatus(),
    });

    /// <summary>The problem body API Gateway answers when its authorizer refuses a request.</summary>
    public static string UnauthorizedProblem { get; } = JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        ["title"] = "Unauthorized",
        ["status"] = 401,
        ["detail"] = "A valid bearer token is required: send Authorization: Bearer <Cognito ID token>.",
        ["code"] = "auth.invalid_token",
        ["requestId"] = "$context.requestId",
    });

    public LambdaRestApi Api { get; }

    public CognitoUserPoolsAuthorizer Authorizer { get; }

    public LogGroup AccessLogs { get; }

    public RequestBodySizeLimit BodySizeLimit { get; }
}
