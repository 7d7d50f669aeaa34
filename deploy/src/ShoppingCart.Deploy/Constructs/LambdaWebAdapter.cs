using Amazon.CDK;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// The AWS Lambda Web Adapter (github.com/aws/aws-lambda-web-adapter): a layer whose extension turns Lambda invocations
/// into HTTP requests to the app, so the functions are ordinary ASP.NET Core apps. Names of its settings and of the
/// layer AWS publishes.
/// </summary>
internal static class LambdaWebAdapter
{
    /// <summary>The account AWS publishes the adapter layers from, in every commercial region.</summary>
    public const string PublisherAccount = "753240598075";

    /// <summary>Layer version of adapter release 1.0.0.</summary>
    public const int LayerVersion = 27;

    /// <summary>The port the adapter forwards to; both apps read it to choose where Kestrel listens.</summary>
    public const int Port = 8080;

    public const string ReadinessCheckPath = "/health";

    /// <summary>Where non-HTTP events (the DynamoDB stream batches) are POSTed as JSON.</summary>
    public const string PassThroughPath = "/events";

    public const string ExecWrapperVariable = "AWS_LAMBDA_EXEC_WRAPPER";
    public const string ExecWrapper = "/opt/bootstrap";
    public const string PortVariable = "AWS_LWA_PORT";
    public const string ReadinessCheckPathVariable = "AWS_LWA_READINESS_CHECK_PATH";
    public const string PassThroughPathVariable = "AWS_LWA_PASS_THROUGH_PATH";
    public const string ErrorStatusCodesVariable = "AWS_LWA_ERROR_STATUS_CODES";

    /// <summary>Status codes that fail the invocation: without them a crashed forwarder would report success.</summary>
    public const string ServerErrorStatusCodes = "500-599";

    /// <summary>The layer AWS publishes for this stack's region (a deploy-time token when the stack is region-agnostic).</summary>
    public static string LayerArnFor(Stack stack, FunctionArchitecture architecture)
    {
        var layerName = architecture == FunctionArchitecture.Arm64 ? "LambdaAdapterLayerArm64" : "LambdaAdapterLayerX86";
        return $"arn:{stack.Partition}:lambda:{stack.Region}:{PublisherAccount}:layer:{layerName}:{LayerVersion}";
    }
}
