using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain;

namespace ShoppingCart.Application.Operations;

/// <summary>
/// Publishes dead letters again through the forwarding use case, with their original event ids, and removes each one
/// only once it is published; what still fails stays dead-lettered. Safe while the service runs: the relay's own
/// position and order are not touched, and consumers dedupe on the event id and order on the cart version.
/// </summary>
public sealed class ReplayDeadLetters(IDeadLetterStore store, OrderedForwarding forwarding)
{
    public async Task<Result<ReplaySummary>> RunAsync(ReplayRequest request, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var letters = await store.ReceiveAllAsync(cancellationToken);
        var (selected, refusal) = Select(letters, request);
        await store.ReleaseAsync([.. letters.Except(selected)], cancellationToken);
        if (refusal is not null || request.DryRun)
        {
            await store.ReleaseAsync(selected, cancellationToken);
            return refusal ?? Result<ReplaySummary>.Success(new ReplaySummary(DryRun: true, selected, 0, [], []));
        }

        IReadOnlyList<ForwardOutcome> outcomes;
        try
        {
            outcomes = await forwarding.ForwardAsync([.. selected.Select(l => l.Entry)], progress, cancellationToken);
        }
        catch
        {
            await store.ReleaseAsync(selected, CancellationToken.None);
            throw;
        }

        var published = selected.Where((_, i) => outcomes[i].Status == ForwardStatus.Published).ToList();
        var notRemoved = await store.RemoveAsync(published, cancellationToken);
        await store.ReleaseAsync([.. selected.Where((_, i) => outcomes[i].Status != ForwardStatus.Published)], cancellationToken);
        return new ReplaySummary(DryRun: false, selected, published.Count, [.. outcomes.Where(o => o.Status != ForwardStatus.Published)], notRemoved);
    }

    /// <summary>The letters to replay, in version order per cart (unreadable ones last), or why there are none.</summary>
    private static (IReadOnlyList<DeadLetter> Selected, Error? Refusal) Select(IReadOnlyList<DeadLetter> letters, ReplayRequest request)
    {
        if (letters.Count == 0)
        {
            return ([], OperationErrors.NothingDeadLettered());
        }

        IEnumerable<DeadLetter> matching = letters;
        if (!request.All)
        {
            var wanted = request.EventIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
            matching = [.. letters.Where(l => l.Record is { } record && wanted.Contains(record.EventId))];
            var unknown = wanted.Except(matching.Select(l => l.Record!.EventId), StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count > 0)
            {
                return ([], OperationErrors.UnknownEventIds(unknown));
            }
        }

        return ([.. matching
            .OrderBy(l => l.Record is null)
            .ThenBy(l => l.Record?.CartId, StringComparer.Ordinal)
            .ThenBy(l => l.Record?.CartVersion)
            .ThenBy(l => l.Record?.EventIndex)
            .ThenBy(l => l.DeadLetteredAt)], null);
    }
}
