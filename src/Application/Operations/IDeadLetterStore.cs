namespace ShoppingCart.Application.Operations;

/// <summary>
/// The operator's side of the dead-letter queue (the SQLite table, the SQS poison-record queue): read what is kept,
/// remove what was published again, release the rest.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>
    /// Every dead letter, oldest first. A queue hides what it hands out from other readers until it is removed or
    /// released (SQS visibility timeout), so two operators never replay the same message at once.
    /// </summary>
    Task<IReadOnlyList<DeadLetter>> ReceiveAllAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the letters; returns those that could not be deleted, with why. Throws only when the store is unreachable.</summary>
    Task<IReadOnlyList<DeadLetterRemovalFailure>> RemoveAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken);

    /// <summary>Makes the letters visible again at once; a letter not released reappears after the queue's own timeout.</summary>
    Task ReleaseAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken);

    /// <summary>How many letters are kept (approximate on SQS).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
