using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Operations;

/// <summary>
/// Publishes again events still kept in the outbox (one cart's, or a time window's), with their original ids, in version
/// order per cart, through the forwarding use case. How a consumer that lost events gets them back, and how the stream's
/// on-failure messages (which hold only a time window of positions) are resolved: at-least-once delivery and event-id
/// dedupe make publishing too much safe.
/// </summary>
public sealed class RepublishOutbox(IOutboxHistory history, OrderedForwarding forwarding, TimeProvider clock)
{
    public async Task<Result<RepublishSummary>> RunAsync(RepublishScope scope, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Since is { } since && (scope.Until ?? clock.GetUtcNow()) <= since)
        {
            return OperationErrors.InvalidWindow();
        }

        var selection = await history.FindAsync(scope, cancellationToken);
        if (selection.Entries.Count == 0)
        {
            return OperationErrors.NothingToRepublish(scope);
        }

        var outcomes = await forwarding.ForwardAsync(InCartOrder(selection.Entries), progress, cancellationToken);
        return new RepublishSummary(
            selection.Entries.Count,
            outcomes.Count(o => o.Status == ForwardStatus.Published),
            [.. outcomes.Where(o => o.Status != ForwardStatus.Published)],
            selection.LeftToRelay);
    }

    /// <summary>
    /// Keeps the store's order across carts (commit or scan order) but puts each cart's events in version order within
    /// the places its events hold: a scan returns items in no particular order, and the bus must see N before N+1.
    /// </summary>
    private static FeedEntry[] InCartOrder(IReadOnlyList<FeedEntry> entries)
    {
        var arranged = entries.ToArray();
        foreach (var cart in Enumerable.Range(0, entries.Count).Where(i => entries[i].Record is not null).GroupBy(i => entries[i].Record!.CartId, StringComparer.Ordinal))
        {
            var slots = cart.ToList();
            var ordered = slots.Select(i => entries[i]).OrderBy(e => e.Record!.CartVersion).ThenBy(e => e.Record!.EventIndex).ToList();
            for (var k = 0; k < slots.Count; k++)
            {
                arranged[slots[k]] = ordered[k];
            }
        }

        return arranged;
    }
}
