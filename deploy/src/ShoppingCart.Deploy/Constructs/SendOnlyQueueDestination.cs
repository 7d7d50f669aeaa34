using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Amazon.JSII.Runtime.Deputy;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// An SQS queue as an event source mapping's on-failure destination, granting the function's role only
/// <c>sqs:SendMessage</c> on it: CDK's own <c>SqsDlq</c> also grants GetQueueAttributes and GetQueueUrl, which nothing uses.
/// </summary>
internal sealed class SendOnlyQueueDestination(IQueue queue) : DeputyBase, IEventSourceDlq
{
    public IDlqDestinationConfig Bind(IEventSourceMapping target, IFunction targetHandler)
    {
        targetHandler.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["sqs:SendMessage"],
            Resources = [queue.QueueArn],
        }));
        return new DlqDestinationConfig { Destination = queue.QueueArn };
    }
}
