using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Abstractions;

/// <summary>Where carts live. Every adapter writes a cart and its outbox records in one atomic transaction.</summary>
public interface ICartStore
{
    /// <summary>The stored cart with its version, or null when there is none.</summary>
    Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the cart's current state and <paramref name="outbox"/> together, only if the stored version still equals
    /// <see cref="Cart.PersistedVersion"/>, the version it was loaded at (0 = the cart must not exist yet). Nothing is written on a conflict.
    /// Infrastructure faults throw: a <see cref="TransientStoreException"/> when nothing was written and a retry may work,
    /// a <see cref="StoreOutcomeUnknownException"/> when the store cannot tell whether the write was applied.
    /// </summary>
    Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="count"/> carts of <paramref name="customer"/>, most recently updated first (ties in an order of the
    /// store's own, the same on every call), strictly after <paramref name="after"/> in that order (null: from the start). Fewer than
    /// <paramref name="count"/> means there are no more.
    /// </summary>
    Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken);
}
