using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>What the SQLite store promises beyond the shared contract: atomicity, durability settings, group commit, sequence and signal.</summary>
public sealed class SqliteCartStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly EmbeddedTestDatabase _database = new();

    [Fact]
    public async Task A_failing_outbox_insert_rolls_back_the_new_cart()
    {
        var cart = NewCart();
        var record = IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr")[0];

        // The second insert breaks the outbox's unique event id, after the cart row was written in the same transaction.
        await Assert.ThrowsAsync<SqliteException>(() => _database.Store.SaveAsync(cart, [record, record], CancellationToken.None));

        Assert.Null(await _database.Store.LoadAsync(cart.Id, CancellationToken.None));
        Assert.Equal(0, await _database.CountAsync("outbox"));
    }

    [Fact]
    public async Task A_failing_outbox_insert_rolls_back_the_update()
    {
        var cart = NewCart();
        var created = IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr")[0];
        Assert.Equal(SaveOutcome.Saved, await _database.Store.SaveAsync(cart, [created], CancellationToken.None));
        var loaded = (await _database.Store.LoadAsync(cart.Id, CancellationToken.None))!;
        loaded.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-1"), 4)], Now);
        var added = IntegrationEventMapper.ToOutboxRecords(loaded.PendingEvents, "corr")[0];

        await Assert.ThrowsAsync<SqliteException>(() => _database.Store.SaveAsync(loaded, [added, created], CancellationToken.None));

        var stored = (await _database.Store.LoadAsync(cart.Id, CancellationToken.None))!;
        Assert.Equal(1, stored.Version);
        Assert.Equal(1, stored.QuantityOf(Sku.FromTrusted("SKU-1")));
        Assert.Equal(["CartCreated"], (await _database.ReadOutboxAsync()).Select(r => r.EventType));
    }

    [Fact]
    public async Task The_file_uses_write_ahead_logging_and_every_connection_syncs_fully()
    {
        await using var connection = await _database.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // 2 = FULL
    }

    [Fact]
    public async Task Relay_bookkeeping_syncs_normally_and_never_leaks_that_into_cart_writes()
    {
        await using (var relay = await _database.Database.OpenForRelayAsync(CancellationToken.None))
        {
            Assert.Equal(1L, await SynchronousOf(relay)); // 1 = NORMAL
        }

        // The pool hands the same connection back: opening it for cart writes must make it FULL again.
        await using var carts = await _database.Database.OpenAsync(CancellationToken.None);
        Assert.Equal(2L, await SynchronousOf(carts));
    }

    private static async Task<object?> SynchronousOf(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Outbox_sequence_numbers_are_never_reused_after_the_newest_rows_are_deleted()
    {
        await SaveNewCartAsync();
        await SaveNewCartAsync();
        using (var connection = _database.OpenRaw())
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM outbox;";
            delete.ExecuteNonQuery();
        }

        await SaveNewCartAsync();

        Assert.Equal(3L, await _database.ScalarAsync<long>("SELECT MAX(sequence) FROM outbox;"));
    }

    [Fact]
    public async Task Each_outbox_row_gets_the_next_sequence_number_and_an_expiry_after_the_retention()
    {
        var first = await SaveNewCartAsync();
        var second = await SaveNewCartAsync();

        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, cart_id, expires_at FROM outbox ORDER BY sequence;";
        using var reader = command.ExecuteReader();
        var rows = new List<(long Sequence, string CartId, long ExpiresAt)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        var expected = _database.Clock.GetUtcNow().Add(_database.Settings.OutboxRetention).ToUnixTimeSeconds();
        Assert.Equal([(1L, first.ToString(), expected), (2L, second.ToString(), expected)], rows);
    }

    [Fact]
    public async Task A_commit_pulses_the_relay_signal_and_a_conflict_does_not()
    {
        var cart = NewCart();
        var stale = Cart.Create(cart.Id, cart.CustomerId, [], Now).Value;
        await SaveAsync(cart);
        Assert.True(await _database.Signal.WaitAsync(TimeSpan.FromHours(1), _database.Clock, CancellationToken.None));

        Assert.Equal(SaveOutcome.VersionConflict, await SaveAsync(stale));

        var wait = _database.Signal.WaitAsync(TimeSpan.FromSeconds(1), _database.Clock, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await wait);
    }

    [Fact]
    public async Task A_write_lock_held_past_the_busy_timeout_fails_the_save_as_transient()
    {
        using var database = new EmbeddedTestDatabase(o => o.BusyTimeout = TimeSpan.FromMilliseconds(100));
        Assert.Null(await database.Store.LoadAsync(new CartId(Guid.NewGuid()), CancellationToken.None)); // creates the schema
        using var blocker = database.OpenRaw();
        using var transaction = blocker.BeginTransaction(deferred: false);

        await Assert.ThrowsAsync<TransientStoreException>(() => database.Store.SaveAsync(NewCart(), [], CancellationToken.None));
    }

    [Fact]
    public async Task A_write_turn_held_in_this_process_past_the_busy_timeout_fails_the_save_as_transient_and_writes_nothing()
    {
        using var database = new EmbeddedTestDatabase(o => o.BusyTimeout = TimeSpan.FromMilliseconds(100));
        var cart = NewCart();

        using (await database.Database.TakeWriteTurnAsync(CancellationToken.None))
        {
            await Assert.ThrowsAsync<TransientStoreException>(() => database.Store.SaveAsync(cart, [], CancellationToken.None));
        }

        Assert.Null(await database.Store.LoadAsync(cart.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Writers_in_one_process_take_turns_and_all_get_through()
    {
        var carts = Enumerable.Range(0, 16).Select(_ => NewCart()).ToArray();

        var outcomes = await Task.WhenAll(carts.Select(c => Task.Run(() => SaveAsync(c))));

        Assert.All(outcomes, o => Assert.Equal(SaveOutcome.Saved, o));
        foreach (var cart in carts)
        {
            Assert.NotNull(await _database.Store.LoadAsync(cart.Id, CancellationToken.None));
        }
    }

    // Group commit: saves that queue while the write turn is taken are committed together, in one transaction, each in
    // its own savepoint; one that conflicts or breaks a constraint fails alone and leaves nothing behind.
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

    private async Task<CartId> SaveNewCartAsync()
    {
        var cart = NewCart();
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(cart));
        return cart.Id;
    }

    private Task<SaveOutcome> SaveAsync(Cart cart) =>
        _database.Store.SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"), CancellationToken.None);
}
