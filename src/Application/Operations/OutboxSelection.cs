using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Operations;

/// <summary>Outbox entries found for a <see cref="RepublishScope"/>, in the order the store keeps them.</summary>
/// <param name="Entries">Entries the relay has already handled (published or dead-lettered), oldest first.</param>
/// <param name="LeftToRelay">
/// Matching entries the relay has not handled yet. Republish leaves them to it, so it never puts a cart's version N+1 on
/// the bus ahead of the relay's N. Always 0 on AWS, where the stream's position is not known.
/// </param>
public sealed record OutboxSelection(IReadOnlyList<FeedEntry> Entries, int LeftToRelay);
