using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// Feeds the outbox table's stream to the forwarder. From the oldest record kept (nothing committed is skipped), only
/// INSERTs (TTL deletions are REMOVEs), with per-record failure reports so a batch is retried from its first failure,
/// and bounded: a batch that keeps failing is halved until the poison record is alone, then after the last retry (or once
/// older than the maximum age) its position is sent to the failure queue and the shard moves on.
/// </summary>
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
            OnFailure = new SqsDlq(failureQueue),
            Filters = [FilterCriteria.Filter(new Dictionary<string, object> { ["eventName"] = FilterRule.IsEqual("INSERT") })],
        }));
    }
}
