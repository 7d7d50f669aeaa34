using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// Publishes outbox records to EventBridge. Records are cut into PutEvents calls of at most 10 entries and under 256 KB;
/// every entry's own result is read (HTTP 200 does not mean all were accepted); the entries that failed for a transient
/// reason or a fault of the setup are sent again, after a capped, jittered exponential backoff, until the retry budget
/// or the invocation's deadline says stop. An entry too large to ever be accepted is not sent: it is a permanent failure.
/// </summary>
public sealed partial class EventBridgePublisher(
    PutEventsClient client,
    EventBridgeEntryFactory entryFactory,
    RetryBackoff backoff,
    PublishDeadline deadline,
    TimeProvider time,
    IOptions<EventBridgeOptions> options,
    ILogger<EventBridgePublisher> logger) : IEventPublisher
{
    /// <summary>The outcome of an entry not sent because the invocation would end before its answer.</summary>
    public const string DeadlineReached = "DeadlineReached";

    /// <summary>Kept free after the last call's answer, to send the batch response back.</summary>
    private static readonly TimeSpan ResponseMargin = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var stopRetryingAt = time.GetUtcNow() + options.Value.RetryBudget;
        var batch = Prepare(records);
        for (var attempt = 1; batch.Pending.Count > 0; attempt++)
        {
            if (!CanSendNow())
            {
                batch.GiveUpOnPending(DeadlineReached, "Not sent: the invocation would end before PutEvents answered; the stream retries it.");
                break;
            }

            var failures = await SendAsync(batch, cancellationToken);
            var again = batch.Record(failures, attempt);
            if (again.Count == 0 || !await BackOffAsync(again, batch, attempt, stopRetryingAt, cancellationToken))
            {
                break;
            }

            batch.Pending = again;
        }

        return batch.Outcomes();
    }

    /// <summary>Builds each entry and measures it; one that EventBridge would refuse for its size fails here, for good.</summary>
    private PublishBatch Prepare(IReadOnlyList<OutboxRecord> records)
    {
        var batch = new PublishBatch(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            batch.Entries[i] = entryFactory.Create(records[i]);
            batch.Sizes[i] = PutEventsEntrySize.Of(batch.Entries[i]);
            if (PutEventsEntrySize.IsAccepted(batch.Sizes[i]))
            {
                batch.Pending.Add(i);
            }
            else
            {
                batch.Results[i] = PublishOutcome.Permanent(
                    PutEventsErrors.EntryTooLarge,
                    $"The entry is {batch.Sizes[i]} bytes as EventBridge counts them (Source + DetailType + Detail + 14 for Time); it must be less than {PutEventsEntrySize.MaxBytes}.");
            }
        }

        return batch;
    }

    /// <summary>Whether a call started now would be answered (within the request timeout) before the invocation ends.</summary>
    private bool CanSendNow() =>
        deadline.At is not { } end || time.GetUtcNow() + options.Value.RequestTimeout + ResponseMargin <= end;

    /// <summary>Sends the pending entries in as many calls as the limits require, a few at a time; returns results by record index.</summary>
    private async Task<PutEventsFailure?[]> SendAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        var failures = new PutEventsFailure?[batch.Entries.Length];
        var calls = PutEventsBatches.Split(batch.Pending, i => batch.Sizes[i]);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(calls, parallel, async (call, token) =>
        {
            var results = await client.PutEventsAsync([.. call.Select(i => batch.Entries[i])], token);
            for (var k = 0; k < call.Count; k++)
            {
                failures[call[k]] = results[k];
            }
        });
        return failures;
    }

    /// <summary>Waits before the next attempt; false (and no wait) when the retry budget or the deadline would be passed.</summary>
    private async Task<bool> BackOffAsync(List<int> again, PublishBatch batch, int attempt, DateTimeOffset stopRetryingAt, CancellationToken cancellationToken)
    {
        var delay = backoff.DelayBefore(retry: attempt);
        var resumeAt = time.GetUtcNow() + delay;
        var lastCallEnds = resumeAt + options.Value.RequestTimeout + ResponseMargin;
        if (resumeAt > stopRetryingAt || (deadline.At is { } end && lastCallEnds > end))
        {
            LogGaveUp(again.Count, attempt, batch.Results[again[0]]!.ErrorCode);
            return false;
        }

        LogRetrying(again.Count, delay.TotalMilliseconds, attempt, batch.Results[again[0]]!.ErrorCode);
        await Task.Delay(delay, time, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying {Count} PutEvents entries in {DelayMs:0} ms after attempt {Attempt} ({ErrorCode})")]
    private partial void LogRetrying(int count, double delayMs, int attempt, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} PutEvents entries still failing after {Attempts} attempt(s) ({ErrorCode}); the retry budget or the invocation's time is spent")]
    private partial void LogGaveUp(int count, int attempts, string? errorCode);
}
