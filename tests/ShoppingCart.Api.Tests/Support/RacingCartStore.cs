using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>
/// Wraps the real store and, while <see cref="RacesToLose"/> is above zero, lets a rival request commit a change to
/// the same cart just before each save of an existing cart: the save then meets a real version conflict in SQLite,
/// exactly as when two requests interleave, but deterministically.
/// </summary>
public sealed class RacingCartStore(ICartStore inner, TimeProvider clock) : ICartStore
{
    public static readonly Sku RivalSku = Sku.Create("rival").Value;

    private int _racesToLose;
    private int _saveAttempts;

    public int RacesToLose
    {
        get => Volatile.Read(ref _racesToLose);
        set => Volatile.Write(ref _racesToLose, value);
    }

    /// <summary>Saves of existing carts asked of this store (the rival's saves are not counted).</summary>
    public int SaveAttempts => Volatile.Read(ref _saveAttempts);

    public Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken) => inner.LoadAsync(id, cancellationToken);

    public Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken) =>
        inner.ListByCustomerAsync(customer, after, count, cancellationToken);

    public async Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.PersistedVersion > 0)
        {
            Interlocked.Increment(ref _saveAttempts);
            if (Interlocked.Decrement(ref _racesToLose) >= 0)
            {
                await CommitRivalChangeAsync(cart.Id, cancellationToken);
            }
        }

        return await inner.SaveAsync(cart, outbox, cancellationToken);
    }

    private async Task CommitRivalChangeAsync(CartId id, CancellationToken cancellationToken)
    {
        var rival = await inner.LoadAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Cart {id} vanished.");
        var added = rival.AddItems([new SkuQuantity(RivalSku, 1)], clock.GetUtcNow());
        Assert.True(added.IsSuccess, added.Error?.Message);
        var saved = await inner.SaveAsync(rival, IntegrationEventMapper.ToOutboxRecords(rival.PendingEvents, "rival-request"), cancellationToken);
        Assert.Equal(SaveOutcome.Saved, saved);
    }
}
