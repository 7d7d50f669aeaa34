using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// The read → change → write cycle every command on an existing cart shares, and the one place a version conflict
/// gets its meaning. Without an expected version (no If-Match) a conflict is retried on a freshly read cart, so
/// concurrent writers to one cart all succeed unless the cart's rules refuse them, and only a cart that kept changing
/// through every attempt is <see cref="ErrorKind.Contention"/>; with one, a cart at another version is
/// <see cref="ErrorKind.StaleVersion"/> at once, whether seen on reading or at the write.
/// </summary>
public sealed class CartUpdater(CartReader reader, CartWriter writer, TimeProvider clock)
{
    /// <summary>How many times a command is tried when it loses a race on the same cart.</summary>
    public const int MaxAttempts = 5;

    /// <param name="owner">The caller: a cart of another customer is not found, and nothing is written.</param>
    public async Task<Result<CartView>> UpdateAsync(
        Guid cartId, CustomerId owner, long? expectedVersion, string correlationId, Func<Cart, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        var id = new CartId(cartId);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await reader.LoadAsync(id, owner, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var cart = loaded.Value;
            if (expectedVersion is { } expected && cart.Version != expected)
            {
                return CartConflicts.StaleVersion(id, expected, cart.Version);
            }

            var changed = change(cart, clock.GetUtcNow());
            if (!changed.IsSuccess)
            {
                return changed.Error;
            }

            if (await writer.TrySaveChangesAsync(cart, correlationId, cancellationToken))
            {
                return CartView.From(cart);
            }

            if (expectedVersion is not null)
            {
                return CartConflicts.ChangedAfterRead(id);
            }

            if (attempt == MaxAttempts)
            {
                return CartConflicts.Contention(id);
            }
        }
    }
}
