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
    /// <summary>
    /// The account AWS publishes the adapter layers from, in every commercial region (the <c>aws</c> partition only: the
    /// China regions have their own publisher accounts and GovCloud none, so there the layer ARN must be given).
    /// </summary>
    public const string PublisherAccount = "753240598075";

    /// <summary>
    /// Layer version of adapter release 1.0.0-rc1: the version the adapter's own guide ("Zip Packages", AWS Commercial
    /// Regions) names for <c>${AWS::Region}</c>, hence one that exists in every commercial region. (25 is 0.9.1.)
    /// </summary>
    public const int LayerVersion = 26;

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

    /// <summary>
    /// Status codes that fail the invocation: every one but 200, the only answer that carries a batch response. Without
    /// them a crash (5xx), a wrong path (404), method (405) or size (413), or an empty 204 would reach Lambda as a null
    /// result, which it counts as complete success and checkpoints past. The adapter reads "a-b" ranges and commas.
    /// </summary>
    public const string AllButOkStatusCodes = "100-199,201-599";

    /// <summary>
    /// The layer AWS publishes for this stack's region (a deploy-time token when the stack is region-agnostic). Always in
    /// the <c>aws</c> partition, where <see cref="PublisherAccount"/> lives: a stack pinned to another partition's region
    /// is refused here, so it says "set webAdapterLayerArn" at synth instead of failing at deploy.
    /// </summary>
    public static string LayerArnFor(Stack stack, FunctionArchitecture architecture)
    {
        if (!Token.IsUnresolved(stack.Region) && (stack.Region.StartsWith("cn-", StringComparison.Ordinal) || stack.Region.StartsWith("us-gov-", StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"The Lambda Web Adapter layer of account {PublisherAccount} exists in the commercial regions only; for {stack.Region} set the context key {ContextKeys.WebAdapterLayerArn} to the layer published there.");
        }

        var layerName = architecture == FunctionArchitecture.Arm64 ? "LambdaAdapterLayerArm64" : "LambdaAdapterLayerX86";
        return $"arn:aws:lambda:{stack.Region}:{PublisherAccount}:layer:{layerName}:{LayerVersion}";
    }
}
