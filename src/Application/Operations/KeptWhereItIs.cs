using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Operations;

/// <summary>
/// The dead-letter queue an operator's forwarding run uses: an entry it replays or republishes is already kept (in the
/// dead-letter store, or in the outbox), so one that fails for good again stays where it is instead of being copied.
/// </summary>
internal sealed class KeptWhereItIs : IDeadLetterQueue
{
    public static readonly KeptWhereItIs Instance = new();

    public Task SendAsync(FeedEntry entry, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
