using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using ShoppingCart.Deploy.Settings;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// Feeds the outbox table's stream to the forwarder. From the oldest record kept (nothing committed is skipped), only
/// records with a new image (TTL deletions are REMOVEs without one), with per-record failure reports so a batch is retried
/// from its first failure, and bounded: a batch that keeps failing is halved until the poison record is alone, then after
/// the last retry (or once older than the maximum age) its position is sent to the failure queue and the shard moves on.
/// </summary>
/// <remarks>
/// Order: DynamoDB Streams and Lambda promise order per item (partition and sort key). Every outbox record is an item of
/// its own, so with a ParallelizationFactor above 1 two versions of one cart may be in two concurrent batches, and a retried
/// one overtaken ("Lambda parameters for Amazon DynamoDB event source mappings"; "Polling and batching streams"). At factor
/// 1 each shard has one batch in flight, and the forwarder publishes a cart's events in version order; consumers that
/// need order still order on <c>metadata.cartVersion</c>. A factor above 1 is allowed, with a warning at synth.
/// </remarks>
internal static class OutboxStreamMapping
{
    public static void Attach(IFunction forwarder, ITable outbox, IQueue failureQueue, DeploymentSettings settings)
    {
        forwarder.AddEventSource(new DynamoEventSource(outbox, new DynamoEventSourceProps
        {
            StartingPosition = StartingPosition.TRIM_HORIZON,
            BatchSize = settings.StreamBatchSize,
            MaxBatchingWindow = settings.StreamMaxBatchingWindowSeconds > 0
                ? Duration.Seconds(settings.StreamMaxBatchingWindowSeconds)
                : null,
            ReportBatchItemFailures = true,
            BisectBatchOnError = true,
            RetryAttempts = settings.StreamMaxRetryAttempts,
            MaxRecordAge = Duration.Seconds(settings.StreamMaxRecordAgeSeconds),
            ParallelizationFactor = settings.StreamParallelizationFactor,
            OnFailure = new SendOnlyQueueDestination(failureQueue),
            // "DynamoDB event source mappings only support filtering on the dynamodb key" (Lambda guide, "Using event
            // filtering with a DynamoDB event source"), and a record no filter matches is discarded silently: so the filter
            // asks only for what an inserted outbox record has, a new image with an event id (TTL deletions have none).
            Filters =
            [
                FilterCriteria.Filter(new Dictionary<string, object>
                {
                    ["dynamodb"] = new Dictionary<string, object>
                    {
                        ["NewImage"] = new Dictionary<string, object>
                        {
                            // FilterRule.Exists() as plain values: jsii cannot pass its typed dictionaries on inside a map.
                            [DynamoDbSchema.Outbox.EventId] = new Dictionary<string, object>
                            {
                                ["S"] = new object[] { new Dictionary<string, object> { ["exists"] = true } },
                            },
                        },
                    },
                }),
            ],
        }));

        if (settings.StreamParallelizationFactor > 1)
        {
            Annotations.Of(forwarder).AddWarningV2(
                "shopping-cart:parallelization-factor",
                $"{ContextKeys.StreamParallelizationFactor} is {settings.StreamParallelizationFactor}: Lambda then keeps order per item " +
                "only, and every outbox record is its own item, so events of one cart may be published out of version order. " +
                "Consumers must order on metadata.cartVersion.");
        }
    }
}
