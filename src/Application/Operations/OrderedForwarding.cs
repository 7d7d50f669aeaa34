using Microsoft.Extensions.Logging;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Operations;

/// <summary>
/// Publishes entries an operator picked through the one forwarding use case (<see cref="OutboxBatchForwarder"/>: same
/// event ids, same envelope, per-cart waves), a chunk at a time so progress can be shown. The entries must come in
/// version order per cart; a cart whose event could not be published sends nothing more in the later chunks either,
/// so the bus never gets its version N+1 from this run without N.
/// </summary>
public sealed class OrderedForwarding(IEventPublisher publisher, ILogger<OutboxBatchForwarder> logger)
{
    public const int ChunkSize = 100;
    private const string HeldBackReason = "Held back: an earlier event of the same cart was not published.";

    /// <summary>One outcome per entry, in the order given.</summary>
    public async Task<IReadOnlyList<ForwardOutcome>> ForwardAsync(
        IReadOnlyList<FeedEntry> entries, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var forwarder = new OutboxBatchForwarder(publisher, KeptWhereItIs.Instance, logger);
        var stuckCarts = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new List<ForwardOutcome>(entries.Count);
        var published = 0;
        foreach (var chunk in entries.Chunk(ChunkSize))
        {
            var held = chunk.Select(e => e.Record is { } record && stuckCarts.Contains(record.CartId)).ToArray();
            var report = await forwarder.ForwardAsync([.. chunk.Where((_, i) => !held[i])], cancellationToken);
            var sent = 0;
            for (var i = 0; i < chunk.Length; i++)
            {
                var outcome = held[i] ? new ForwardOutcome(chunk[i], ForwardStatus.RetryLater, HeldBackReason) : report.Outcomes[sent++];
                if (outcome.Status == ForwardStatus.RetryLater && chunk[i].Record is { } record)
                {
                    stuckCarts.Add(record.CartId);
                }

                published += outcome.Status == ForwardStatus.Published ? 1 : 0;
                outcomes.Add(outcome);
            }

            progress?.Report(new OperationProgress(outcomes.Count, entries.Count, published));
        }

        return outcomes;
    }
}
