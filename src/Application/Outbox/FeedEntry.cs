using System.Text;

namespace ShoppingCart.Application.Outbox;

/// <summary>
/// An outbox record as a relay read it: its position in the change feed (a DynamoDB stream sequence number, or the
/// SQLite outbox sequence) and either the parsed record or why it could not be read.
/// </summary>
public sealed class FeedEntry : IEquatable<FeedEntry>
{
    private readonly ReadOnlyMemory<byte> _rawUtf8;
    private string? _rawContent;

    private FeedEntry(string position, OutboxRecord? record, string? rawContent, ReadOnlyMemory<byte> rawUtf8, string? unreadableReason)
    {
        Position = position;
        Record = record;
        _rawContent = rawContent;
        _rawUtf8 = rawUtf8;
        UnreadableReason = unreadableReason;
    }

    public string Position { get; }

    /// <summary>The record, or null when it is unreadable.</summary>
    public OutboxRecord? Record { get; }

    /// <summary>
    /// The entry as the relay received it, kept so a dead letter holds everything needed to replay it. Given as UTF-8
    /// bytes it is decoded on first use: most entries are published and never need it as text.
    /// </summary>
    public string RawContent => _rawContent ??= Encoding.UTF8.GetString(_rawUtf8.Span);

    public string? UnreadableReason { get; }

    public static FeedEntry Readable(string position, OutboxRecord record, string rawContent) => new(position, record, rawContent, default, null);

    /// <param name="rawUtf8">The entry's bytes as received; they must not change while the entry lives.</param>
    public static FeedEntry Readable(string position, OutboxRecord record, ReadOnlyMemory<byte> rawUtf8) => new(position, record, null, rawUtf8, null);

    public static FeedEntry Unreadable(string position, string rawContent, string reason) => new(position, null, rawContent, default, reason);

    /// <param name="rawUtf8">The entry's bytes as received; they must not change while the entry lives.</param>
    public static FeedEntry Unreadable(string position, ReadOnlyMemory<byte> rawUtf8, string reason) => new(position, null, null, rawUtf8, reason);

    public bool Equals(FeedEntry? other) =>
        other is not null
        && Position == other.Position
        && Equals(Record, other.Record)
        && RawContent == other.RawContent
        && UnreadableReason == other.UnreadableReason;

    public override bool Equals(object? obj) => Equals(obj as FeedEntry);

    public override int GetHashCode() => HashCode.Combine(Position, Record, UnreadableReason);
}
