using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Abstractions;

/// <summary>Keeps outbox entries that can never be published, whole, with the reason, for inspection and replay.</summary>
public interface IDeadLetterQueue
{
    /// <summary>Stores the entry durably; throws if it could not (the caller then keeps the entry as failed).</summary>
    Task SendAsync(FeedEntry entry, string reason, CancellationToken cancellationToken);
}
