using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// A queue for what could not be delivered: encrypted at rest with SQS-managed keys, TLS-only, and kept the 14 days SQS
/// allows at most, so a team has two weeks to inspect and redrive.
/// </summary>
internal static class DeadLetterQueue
{
    public static Queue Create(Construct scope, string id) =>
        new(scope, id, new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });
}
