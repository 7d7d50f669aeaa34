using Microsoft.Extensions.Logging;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Application.Outbox;

/// <summary>
/// The one forwarding use case behind both relays (the Lambda stream forwarder and the embedded SQLite relay):
/// publish a batch of outbox entries, dead-letter what can never be published, and report what must be retried.
/// </summary>
/// <remarks>
/// Per cart, events go out in version order: the batch is sent in waves, each holding at most one event per cart,
/// and a cart whose event failed sends nothing more in this batch (its later events are reported as failed, so the
/// feed retries them after the failed one). Events of different carts share a wave and are published together.
/// </remarks>
public sealed partial class OutboxBatchForwarder(IEventPublisher publisher, IDeadLetterQueue deadLetters, ILogger<OutboxBatchForwarder> logger)
{
    private const string HeldBackReason = "Held back: an earlier event of the same cart was not published.";

    public async Task<ForwardReport> ForwardAsync(IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken)
    {
        var outcomes = new ForwardOutcome?[entries.Count];
        var queues = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        var cartOrder = new List<string>();

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Record is { } record)
            {
                if (!queues.TryGetValue(record.CartId, out var queue))
                {
                    queues[record.CartId] = queue = new Queue<int>();
                    cartOrder.Add(record.CartId);
                }

                queue.Enqueue(i);
            }
            else
            {
                outcomes[i] = await DeadLetterAsync(entries[i], entries[i].UnreadableReason ?? "Unreadable outbox entry.", cancellationToken);
            }
        }

        while (true)
        {
            var wave = cartOrder.Where(cart => queues[cart].Count > 0).Select(cart => queues[cart].Dequeue()).ToList();
            if (wave.Count == 0)
            {
                break;
            }

            var results = await publisher.PublishAsync([.. wave.Select(i => entries[i].Record!)], cancellationToken);
            for (var w = 0; w < wave.Count; w++)
            {
                var index = wave[w];
                var entry = entries[index];
                var result = results[w];
                outcomes[index] = result.Status switch
                {
                    PublishStatus.Published => new ForwardOutcome(entry, ForwardStatus.Published),
                    PublishStatus.PermanentFailure => await DeadLetterAsync(entry, Describe(result), cancellationToken),
                    _ => new ForwardOutcome(entry, ForwardStatus.RetryLater, Describe(result)),
                };

                if (outcomes[index]!.Status == ForwardStatus.RetryLater)
                {
                    HoldBack(queues[entry.Record!.CartId], entries, outcomes);
                }
            }
        }

        var report = new ForwardReport([.. outcomes.Select(o => o!)]);
        LogForwarded(entries.Count, report.Count(ForwardStatus.Published), report.Count(ForwardStatus.DeadLettered), report.Count(ForwardStatus.RetryLater), report.FirstFailedPosition);
        return report;
    }

    private static void HoldBack(Queue<int> queue, IReadOnlyList<FeedEntry> entries, ForwardOutcome?[] outcomes)
    {
        while (queue.TryDequeue(out var later))
        {
            outcomes[later] = new ForwardOutcome(entries[later], ForwardStatus.RetryLater, HeldBackReason);
        }
    }

    private async Task<ForwardOutcome> DeadLetterAsync(FeedEntry entry, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await deadLetters.SendAsync(entry, reason, cancellationToken);
            LogDeadLettered(entry.Position, entry.Record?.EventId, reason);
            return new ForwardOutcome(entry, ForwardStatus.DeadLettered, reason);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDeadLetterFailed(exception, entry.Position);
            return new ForwardOutcome(entry, ForwardStatus.RetryLater, $"{reason} (dead-lettering failed: {exception.Message})");
        }
    }

    private static string Describe(PublishOutcome result) => $"{result.ErrorCode}: {result.ErrorMessage}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded {Count} outbox entries: {Published} published, {DeadLettered} dead-lettered, {Failed} failed (resume at {ResumeAt})")]
    private partial void LogForwarded(int count, int published, int deadLettered, int failed, string? resumeAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered outbox entry at {Position} (event {EventId}): {Reason}")]
    private partial void LogDeadLettered(string position, string? eventId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not dead-letter outbox entry at {Position}; it stays failed and will be retried")]
    private partial void LogDeadLetterFailed(Exception exception, string position);
}
