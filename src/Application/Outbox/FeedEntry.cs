namespace ShoppingCart.Application.Outbox;

/// <summary>
/// An outbox record as a relay read it: its position in the change feed (a DynamoDB stream sequence number, or the
/// SQLite outbox sequence) and either the parsed record or why it could not be read.
/// </summary>
public sealed record FeedEntry
{
    private FeedEntry(string position, OutboxRecord? record, string rawContent, string? unreadableReason)
    {
        Position = position;
        Record = record;
        RawContent = rawContent;
        UnreadableReason = unreadableReason;
    }

    public string Position { get; }

    /// <summary>The record, or null when it is unreadable.</summary>
    public OutboxRecord? Record { get; }

    /// <summary>The entry as the relay received it, kept so a dead letter holds everything needed to replay it.</summary>
    public string RawContent { get; }

    public string? UnreadableReason { get; }

    public static FeedEntry Readable(string position, OutboxRecord record, string rawContent) => new(position, record, rawContent, null);

    public static FeedEntry Unreadable(string position, string rawContent, string reason) => new(position, null, rawContent, reason);
}
