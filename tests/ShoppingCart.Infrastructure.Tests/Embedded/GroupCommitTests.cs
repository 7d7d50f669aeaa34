using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>
/// Saves that queue while the write turn is taken are committed together, in one transaction, each in its own
/// savepoint: one that conflicts or breaks a constraint fails alone and leaves nothing behind, the rest commit.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly EmbeddedTestDatabase _database = new();

    [Fact]
    public async Task Saves_queued_together_share_one_transaction_and_a_version_conflict_fails_alone()
    {
        var stale = await StoredCartAsync();
        var racer = (await _database.Store.LoadAsync(stale.Id, CancellationToken.None))!;
        racer.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-2"), 2)], Now);
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(racer));
        stale.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-3"), 3)], Now);
        var (first, last) = (NewCart(), NewCart());
        var groupsBefore = _database.Store.CommittedGroups;

        Task<SaveOutcome>[] saves;
        using (await _database.Database.TakeWriteTurnAsync(CancellationToken.None))
        {
            saves = [SaveAsync(first), SaveAsync(stale), SaveAsync(last)];
        }

        Assert.Equal([SaveOutcome.Saved, SaveOutcome.VersionConflict, SaveOutcome.Saved], await Task.WhenAll(saves));
        Assert.Equal(groupsBefore + 1, _database.Store.CommittedGroups);
        Assert.NotNull(await _database.Store.LoadAsync(first.Id, CancellationToken.None));
        Assert.NotNull(await _database.Store.LoadAsync(last.Id, CancellationToken.None));
        var kept = (await _database.Store.LoadAsync(stale.Id, CancellationToken.None))!;
        Assert.Equal(2, kept.Version);
        Assert.Equal(0, kept.QuantityOf(Sku.FromTrusted("SKU-3")));
        Assert.Equal([1L, 2L], (await _database.ReadOutboxAsync(stale.Id.ToString())).Select(r => r.CartVersion));
    }

    [Fact]
    public async Task A_save_that_breaks_a_constraint_fails_alone_and_leaves_no_partial_state_while_its_group_commits()
    {
        var (first, broken, last) = (NewCart(), NewCart(), NewCart());
        var record = IntegrationEventMapper.ToOutboxRecords(broken.PendingEvents, "corr")[0];

        Task<SaveOutcome>[] saves;
        using (await _database.Database.TakeWriteTurnAsync(CancellationToken.None))
        {
            // The second insert repeats the event id, after the cart row was written in the same savepoint.
            saves = [SaveAsync(first), _database.Store.SaveAsync(broken, [record, record], CancellationToken.None), SaveAsync(last)];
        }

        Assert.Equal(SaveOutcome.Saved, await saves[0]);
        await Assert.ThrowsAsync<SqliteException>(() => saves[1]);
        Assert.Equal(SaveOutcome.Saved, await saves[2]);
        Assert.Null(await _database.Store.LoadAsync(broken.Id, CancellationToken.None));
        Assert.Empty(await _database.ReadOutboxAsync(broken.Id.ToString()));
        Assert.Single(await _database.ReadOutboxAsync(first.Id.ToString()));
        Assert.Single(await _database.ReadOutboxAsync(last.Id.ToString()));
    }

    [Fact]
    public async Task A_save_cancelled_before_its_group_was_taken_is_never_written()
    {
        var cart = NewCart();
        using var cancellation = new CancellationTokenSource();

        Task<SaveOutcome> save;
        using (await _database.Database.TakeWriteTurnAsync(CancellationToken.None))
        {
            save = _database.Store.SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"), cancellation.Token);
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save);
        }

        // A later save goes through the same writer, which must have skipped the abandoned one.
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(NewCart()));
        Assert.Null(await _database.Store.LoadAsync(cart.Id, CancellationToken.None));
    }

    public void Dispose() => _database.Dispose();

    private static Cart NewCart() =>
        Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], Now).Value;

    private async Task<Cart> StoredCartAsync()
    {
        var cart = NewCart();
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(cart));
        return (await _database.Store.LoadAsync(cart.Id, CancellationToken.None))!;
    }

    private Task<SaveOutcome> SaveAsync(Cart cart) =>
        _database.Store.SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"), CancellationToken.None);
}
