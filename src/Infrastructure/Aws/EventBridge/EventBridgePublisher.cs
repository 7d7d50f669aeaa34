using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// Publishes outbox records to EventBridge. Records are cut into PutEvents calls of at most 10 entries and 256 KB;
/// every entry's own result is read (HTTP 200 does not mean all were accepted); only the entries that failed for a
/// retryable reason are sent again, after a capped, jittered exponential backoff, until the retry budget is spent.
/// An entry too large to ever be accepted is not sent: it is a permanent failure with the reason.
/// </summary>
public sealed partial class EventBridgePublisher(
    PutEventsClient client,
    EventBridgeEntryFactory entryFactory,
    RetryBackoff backoff,
    TimeProvider time,
    IOptions<EventBridgeOptions> options,
    ILogger<EventBridgePublisher> logger) : IEventPublisher
{
    public async Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var started = time.GetTimestamp();
        var outcomes = new PublishOutcome?[records.Count];
        var entries = new PutEventsRequestEntry[records.Count];
        var sizes = new int[records.Count];
        var pending = new List<int>(records.Count);

        for (var i = 0; i < records.Count; i++)
        {
            entries[i] = entryFactory.Create(records[i]);
            sizes[i] = PutEventsEntrySize.Of(entries[i]);
            if (sizes[i] > PutEventsEntrySize.MaxBytes)
            {
                outcomes[i] = PublishOutcome.Permanent(
                    PutEventsErrors.EntryTooLarge,
                    $"The entry is {sizes[i]} bytes as EventBridge counts them (Source + DetailType + Detail + 14 for Time); PutEvents accepts at most {PutEventsEntrySize.MaxBytes}.");
            }
            else
            {
                pending.Add(i);
            }
        }

        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var failures = await SendAsync(pending, entries, sizes, cancellationToken);
            var again = new List<int>();
            foreach (var i in pending)
            {
                switch (failures[i])
                {
                    case null:
                        outcomes[i] = PublishOutcome.Published;
                        break;
                    case { Disposition: FailureDisposition.RetrySoon } failure:
                        outcomes[i] = PublishOutcome.Retryable(failure.Code, $"{failure.Message} (still failing after {attempt} attempt(s) within the retry budget)");
                        again.Add(i);
                        break;
                    case { Disposition: FailureDisposition.DeadLetter } failure:
                        outcomes[i] = PublishOutcome.Permanent(failure.Code, failure.Message);
                        break;
                    case { } failure:
                        outcomes[i] = PublishOutcome.Retryable(failure.Code, failure.Message);
                        break;
                }
            }

            var delay = backoff.DelayBefore(retry: attempt);
            if (again.Count == 0 || time.GetElapsedTime(started) + delay > options.Value.RetryBudget)
            {
                if (again.Count > 0)
                {
                    LogGaveUp(again.Count, attempt, outcomes[again[0]]!.ErrorCode);
                }

                break;
            }

            LogRetrying(again.Count, delay.TotalMilliseconds, attempt, outcomes[again[0]]!.ErrorCode);
            await Task.Delay(delay, time, cancellationToken);
            pending = again;
        }

        return outcomes!;
    }

    /// <summary>Sends the pending entries in as many calls as the limits require, a few at a time; returns results by record index.</summary>
    private async Task<PutEventsFailure?[]> SendAsync(List<int> pending, PutEventsRequestEntry[] entries, int[] sizes, CancellationToken cancellationToken)
    {
        var failures = new PutEventsFailure?[entries.Length];
        var calls = PutEventsBatches.Split(pending, i => sizes[i]);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(calls, parallel, async (call, token) =>
        {
            var results = await client.PutEventsAsync([.. call.Select(i => entries[i])], token);
            for (var k = 0; k < call.Count; k++)
            {
                failures[call[k]] = results[k];
            }
        });
        return failures;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying {Count} PutEvents entries in {DelayMs:0} ms after attempt {Attempt} ({ErrorCode})")]
    private partial void LogRetrying(int count, double delayMs, int attempt, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} PutEvents entries still failing after {Attempts} attempt(s) ({ErrorCode}); the retry budget is spent")]
    private partial void LogGaveUp(int count, int attempts, string? errorCode);
}
