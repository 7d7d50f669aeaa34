namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// The PutEvents answer. HTTP 200 does not mean every entry was accepted: <see cref="FailedEntryCount"/> says how
/// many were not, and <see cref="Entries"/> holds one result per request entry, in request order.
/// </summary>
public sealed record PutEventsResponse(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry>? Entries);
