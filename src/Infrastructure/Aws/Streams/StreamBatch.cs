using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>A stream event read for forwarding: the outbox entries to forward, in stream order, and what was skipped.</summary>
/// <param name="Entries">One per INSERT record, readable or not, in the order the stream delivered them.</param>
/// <param name="RecordCount">Every record in the event.</param>
/// <param name="SkippedCount">MODIFY and REMOVE records (TTL expiries included): nothing to publish.</param>
/// <param name="TimeToLiveDeletionCount">Of the skipped, the REMOVE records made by DynamoDB's TTL process.</param>
/// <param name="OldestChangeAt">The earliest <c>ApproximateCreationDateTime</c> in the event: how far behind the forwarder is.</param>
public sealed record StreamBatch(IReadOnlyList<FeedEntry> Entries, int RecordCount, int SkippedCount, int TimeToLiveDeletionCount, DateTimeOffset? OldestChangeAt = null)
{
    public string? FirstPosition => Entries.Count > 0 ? Entries[0].Position : null;

    public string? LastPosition => Entries.Count > 0 ? Entries[^1].Position : null;
}
