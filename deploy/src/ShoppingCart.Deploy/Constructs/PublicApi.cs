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
/// stage-wide throttling, a JSON access log line per request, and a request body size limit.
/// </summary>
internal sealed class PublicApi : Construct
{
    public PublicApi(Construct scope, string id, IFunction handler, DeploymentSettings settings)
        : base(scope, id)
    {
        AccessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps
        {
            Retention = LogRetentionPeriods.Of(settings.LogRetentionDays),
        });

        Api = new LambdaRestApi(this, "Api", new LambdaRestApiProps
        {
            Handler = handler,
            Proxy = true,
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

    public LambdaRestApi Api { get; }

    public LogGroup AccessLogs { get; }

    public RequestBodySizeLimit BodySizeLimit { get; }
}
