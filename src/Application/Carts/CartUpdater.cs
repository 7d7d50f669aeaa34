using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// The load → change → save cycle every cart command shares, and the one place a version conflict gets its meaning.
/// Without an expected version (no If-Match) a conflict is retried on a freshly loaded cart, so concurrent writers to
/// one cart all succeed unless the cart's rules refuse them, and only a cart that kept changing through every attempt
/// is <see cref="ErrorKind.Contention"/>; with one, a cart at another version is <see cref="ErrorKind.StaleVersion"/>
/// at once, whether seen on load or at the write.
/// </summary>
public sealed class CartUpdater(ICartStore store, TimeProvider clock)
{
    /// <summary>How many times a command is tried when it loses a race on the same cart.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The code of both conflict kinds: clients tell them apart by status (412 re-read, 409 try again).</summary>
    public const string VersionConflictCode = "cart.version_conflict";

    public async Task<Result<CartView>> UpdateAsync(
        Guid cartId, long? expectedVersion, string correlationId, Func<Cart, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        var id = new CartId(cartId);
        for (var attempt = 1; ; attempt++)
        {
            var cart = await store.LoadAsync(id, cancellationToken);
            if (cart is null)
            {
                return CartNotFound(id);
            }

            if (expectedVersion is { } expected && cart.Version != expected)
            {
                return StaleVersion(id, $"Cart {id} is at version {cart.Version}, not the expected {expected}.");
            }

            var changed = change(cart, clock.GetUtcNow());
            if (!changed.IsSuccess)
            {
                return changed.Error;
            }

            var saved = await SaveAsync(cart, correlationId, cancellationToken);
            if (saved.IsSuccess)
            {
                return saved;
            }

            if (expectedVersion is not null)
            {
                return StaleVersion(id, $"Cart {id} was changed by another request after it was read at the expected version; read it again.");
            }

            if (attempt == MaxAttempts)
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
            return new Error(ErrorKind.Contention, VersionConflictCode, $"Cart {cart.Id} was changed by another request; read it again and retry.");
        }

        cart.MarkPersisted();
        return CartView.From(cart);
    }

    public static Error CartNotFound(CartId id) => Error.NotFound("cart.not_found", $"Cart {id} does not exist.");

    private static Error StaleVersion(CartId id, string message) => new(ErrorKind.StaleVersion, VersionConflictCode, message);
}
