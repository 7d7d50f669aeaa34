using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Operations;

/// <summary>An outbox entry that could never be published, as the dead-letter store keeps it.</summary>
/// <param name="Id">Stable while it is kept: the SQLite outbox sequence, or the SQS message id.</param>
/// <param name="Receipt">What the store needs to remove or release it (the SQS receipt handle of this receive).</param>
/// <param name="Entry">The entry whole; its record is null when it could not be read.</param>
/// <param name="Reason">Why it was given up.</param>
/// <param name="DeadLetteredAt">When it was given up.</param>
public sealed record DeadLetter(string Id, string Receipt, FeedEntry Entry, string Reason, DateTimeOffset DeadLetteredAt)
{
    public OutboxRecord? Record => Entry.Record;
}
