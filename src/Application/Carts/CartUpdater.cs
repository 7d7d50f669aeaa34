using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// The load → change → save cycle every cart command shares. Without an expected version (no If-Match) a version
/// conflict is retried on a freshly loaded cart, so concurrent writers to one cart all succeed unless the
/// cart's rules refuse them; with one, a stale version fails at once.
/// </summary>
public sealed class CartUpdater(ICartStore store, TimeProvider clock)
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
            var cart = await store.LoadOwnedAsync(id, owner, cancellationToken);
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

    public static Error CartNotFound(CartId id) => Error.NotFound("cart.not_found", $"Cart {id} does not exist.");

    private static Error VersionConflict(CartId id, long expected, long actual) =>
        new(ErrorKind.VersionConflict, "cart.version_conflict", $"Cart {id} is at version {actual}, not the expected {expected}.");
}
