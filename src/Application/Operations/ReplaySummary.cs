using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Operations;

/// <summary>What a replay did (or, for a dry run, would do).</summary>
/// <param name="Selected">The dead letters it took up, in the order it publishes them.</param>
/// <param name="Published">How many were published and removed from the dead-letter store.</param>
/// <param name="NotPublished">Letters that stay dead-lettered, with why.</param>
/// <param name="NotRemoved">Letters published but still kept: a later replay publishes them again, with the same id.</param>
public sealed record ReplaySummary(
    bool DryRun,
    IReadOnlyList<DeadLetter> Selected,
    int Published,
    IReadOnlyList<ForwardOutcome> NotPublished,
    IReadOnlyList<DeadLetterRemovalFailure> NotRemoved)
{
    public bool Succeeded => NotPublished.Count == 0 && NotRemoved.Count == 0;
}
