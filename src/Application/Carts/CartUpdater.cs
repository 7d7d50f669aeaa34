using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// The read → change → write cycle every command on an existing cart shares, and the one place a version conflict
/// gets its meaning. Commands on one cart in this process take turns (<see cref="CartTurns"/>), so they do not race
/// each other at all. Without an expected version (no If-Match) a conflict — a writer elsewhere got there first — is
/// retried on a freshly read cart after a jittered wait, so concurrent writers to one cart all succeed unless the
/// cart's rules refuse them, and only a cart that kept changing through every attempt is
/// <see cref="ErrorKind.Contention"/>; with one, a cart at another version is <see cref="ErrorKind.StaleVersion"/> at
/// once, whether seen on reading or at the write.
/// </summary>
public sealed class CartUpdater(CartReader reader, CartWriter writer, TimeProvider clock, CartTurns turns)
{
    /// <summary>How many times a command is tried when it loses a race on the same cart.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The first retry waits up to this long, each later one up to twice as long: at most 75 ms in all.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(5);

    /// <param name="owner">The caller: a cart of another customer is not found, and nothing is written.</param>
    public async Task<Result<CartView>> UpdateAsync(
        Guid cartId, CustomerId owner, long? expectedVersion, string correlationId, Func<Cart, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        var id = new CartId(cartId);
        using var turn = await turns.TakeAsync(id, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }

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

    /// <summary>
    /// "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): a random wait between zero and a doubling
    /// cap, so writers that collided once spread out instead of colliding again in step. Real time, not the business
    /// clock: it paces retries, it does not stamp events.
    /// </summary>
    private static TimeSpan RetryDelay(int attempt) => FirstRetryDelay * ((1 << (attempt - 2)) * Random.Shared.NextDouble());
}
