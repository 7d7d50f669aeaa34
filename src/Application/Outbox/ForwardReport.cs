namespace ShoppingCart.Application.Outbox;

/// <summary>What happened to a batch, one outcome per entry in the order the entries were given.</summary>
public sealed record ForwardReport(IReadOnlyList<ForwardOutcome> Outcomes)
{
    /// <summary>
    /// Position of the first entry that is not yet handled: the feed must resume there (Lambda's
    /// <c>batchItemFailures</c>). Null when every entry was published or dead-lettered.
    /// </summary>
    public string? FirstFailedPosition => Outcomes.FirstOrDefault(o => o.Status == ForwardStatus.RetryLater)?.Entry.Position;

    /// <summary>How many entries from the start are handled: a checkpoint may advance past exactly these.</summary>
    public int HandledPrefixLength
    {
        get
        {
            var index = 0;
            while (index < Outcomes.Count && Outcomes[index].Status != ForwardStatus.RetryLater)
            {
                index++;
            }

            return index;
        }
    }

    public int Count(ForwardStatus status) => Outcomes.Count(o => o.Status == status);
}
