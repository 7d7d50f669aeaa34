using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// Commits a changed cart together with the outbox records of its pending events, in one store write: the one place
/// a use case writes, so batching several commands' writes (group commit) changes this class and the store only.
/// It says what a refused write means by which method was called, so no caller has to read it from an outcome.
/// </summary>
public sealed class CartWriter(ICartStore store)
{
    /// <summary>Stores a cart that was just created; false when a cart with its id already exists.</summary>
    public Task<bool> TryCreateAsync(Cart cart, string correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.PersistedVersion != 0)
        {
            throw new ArgumentException($"Cart {cart.Id} is already stored; save its changes instead.", nameof(cart));
        }

        return TryWriteAsync(cart, correlationId, cancellationToken);
    }

    /// <summary>Stores the changes of a loaded cart; false when the stored cart is no longer at the version it was loaded at.</summary>
    public Task<bool> TrySaveChangesAsync(Cart cart, string correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.PersistedVersion == 0)
        {
            throw new ArgumentException($"Cart {cart.Id} is not stored yet; create it instead.", nameof(cart));
        }

        return TryWriteAsync(cart, correlationId, cancellationToken);
    }

    private async Task<bool> TryWriteAsync(Cart cart, string correlationId, CancellationToken cancellationToken)
    {
        var outbox = IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, correlationId);
        if (await store.SaveAsync(cart, outbox, cancellationToken) != SaveOutcome.Saved)
        {
            return false;
        }

        cart.MarkPersisted();
        return true;
    }
}
