using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.WAFv2;
using Constructs;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// API Gateway itself accepts bodies up to 10 MB. This AWS WAF web ACL, attached to the API's stage, answers 413 to any
/// request whose body is longer than the limit before it reaches (and is paid for in) Lambda. A body longer than WAF
/// inspects (16 KB) also counts as too long.
/// </summary>
internal sealed class RequestBodySizeLimit : Construct
{
    public const string RuleName = "request-body-size-limit";

    public RequestBodySizeLimit(Construct scope, string id, Stage stage, int maxBodyBytes)
        : base(scope, id)
    {
        var metricPrefix = $"{Amazon.CDK.Stack.Of(this).StackName}-api";
        WebAcl = new CfnWebACL(this, "WebAcl", new CfnWebACLProps
        {
            Scope = "REGIONAL",
            Description = $"Blocks request bodies over {maxBodyBytes} bytes",
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            VisibilityConfig = Visibility(metricPrefix),
            Rules = new object[]
            {
                new CfnWebACL.RuleProperty
                {
                    Name = RuleName,
                    Priority = 0,
                    Action = new CfnWebACL.RuleActionProperty
                    {
                        Block = new CfnWebACL.BlockActionProperty
                        {
                            CustomResponse = new CfnWebACL.CustomResponseProperty { ResponseCode = 413 },
                        },
                    },
                    Statement = new CfnWebACL.StatementProperty
                    {
                        SizeConstraintStatement = new CfnWebACL.SizeConstraintStatementProperty
                        {
                            FieldToMatch = new CfnWebACL.FieldToMatchProperty
                            {
                                Body = new CfnWebACL.BodyProperty { OversizeHandling = "MATCH" },
                            },
                            ComparisonOperator = "GT",
                            Size = maxBodyBytes,
                            TextTransformations = new object[] { new CfnWebACL.TextTransformationProperty { Priority = 0, Type = "NONE" } },
                        },
                    },
                    VisibilityConfig = Visibility($"{metricPrefix}-{RuleName}"),
                },
            },
        });

        _ = new CfnWebACLAssociation(this, "Association", new CfnWebACLAssociationProps
        {
            ResourceArn = stage.StageArn,
            WebAclArn = WebAcl.AttrArn,
        });
    }

    public CfnWebACL WebAcl { get; }

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metricName) => new()
    {
        CloudWatchMetricsEnabled = true,
        MetricName = metricName,
        SampledRequestsEnabled = true,
    };
}
