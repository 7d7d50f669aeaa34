using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// The load → change → save cycle every cart command shares. Commands on one cart in this process take turns
/// (<see cref="CartTurns"/>), so they do not race each other at all. Without an expected version (no If-Match) a
/// version conflict — a writer in another process got there first — is retried on a freshly loaded cart after a
/// jittered backoff, so concurrent writers to one cart all succeed unless the cart's rules refuse them; with one, a
/// stale version fails at once.
/// </summary>
public sealed class CartUpdater(ICartStore store, TimeProvider clock, CartTurns turns)
{
    /// <summary>How many times a command is tried when it loses a race on the same cart.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The first retry waits up to this long, each later one up to twice as long: at most 75 ms in all.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(5);

    public async Task<Result<CartView>> UpdateAsync(
        Guid cartId, long? expectedVersion, string correlationId, Func<Cart, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        var id = new CartId(cartId);
        using var turn = await turns.TakeAsync(id, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(RetryDelay(attempt), cancellationToken);
            }

            var cart = await store.LoadAsync(id, cancellationToken);
            if (cart is null)
            {
                return CartNotFound(id);
            }

            if (expectedVersion is { } expected && cart.Version != expected)
            {
                return VersionConflict(id, expected, cart.Version);
            }

            var changed = change(cart, clock.GetUtcNow());
            if (!changed.IsSuccess)
            {
                return changed.Error;
            }

            var saved = await SaveAsync(cart, correlationId, cancellationToken);
            if (saved.IsSuccess || expectedVersion is not null || attempt == MaxAttempts)
            {
                return saved;
            }
        }
    }

    /// <summary>Writes a changed cart with the outbox records of its pending events.</summary>
    public async Task<Result<CartView>> SaveAsync(Cart cart, string correlationId, CancellationToken cancellationToken)
    {
        var records = IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, correlationId);
        var outcome = await store.SaveAsync(cart, records, cancellationToken);
        if (outcome == SaveOutcome.VersionConflict)
        {
            return new Error(ErrorKind.VersionConflict, "cart.version_conflict", $"Cart {cart.Id} was changed by another request; read it again and retry.");
        }

        cart.MarkPersisted();
        return CartView.From(cart);
    }

    /// <summary>
    /// "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): a random wait between zero and a doubling
    /// cap, so writers that collided once spread out instead of colliding again in step. Real time, not the business
    /// clock: it paces retries, it does not stamp events.
    /// </summary>
    private static TimeSpan RetryDelay(int attempt) => FirstRetryDelay * ((1 << (attempt - 2)) * Random.Shared.NextDouble());

    public static Error CartNotFound(CartId id) => Error.NotFound("cart.not_found", $"Cart {id} does not exist.");

    private static Error VersionConflict(CartId id, long expected, long actual) =>
        new(ErrorKind.VersionConflict, "cart.version_conflict", $"Cart {id} is at version {actual}, not the expected {expected}.");
}
