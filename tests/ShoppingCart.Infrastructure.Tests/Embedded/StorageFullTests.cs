using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>
/// A full disk on a real SQLite file. SQLite reports it as SQLITE_FULL ("database or disk is full"), which it also raises
/// when the file would outgrow <c>PRAGMA max_page_count</c>: that limit stands in for the disk here. SQLite's commit is
/// atomic, so unlike DynamoDB the outcome of a failed save is always known: nothing of it was written.
/// </summary>
public sealed class StorageFullTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly EmbeddedTestDatabase _database = new();

    [Fact]
    public async Task A_full_disk_is_a_storage_full_answer_nothing_is_half_written_and_saving_works_again_once_space_is_back()
    {
        await SaveAsync(NewCart());
        var cartsBefore = await _database.CountAsync("carts");
        var outboxBefore = await _database.CountAsync("outbox");
        await LimitPagesAsync(grow: 0);

        var (full, refused) = await SaveUntilFullAsync();

        Assert.Contains("full", full.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(13, Assert.IsType<SqliteException>(full.InnerException).SqliteErrorCode);
        Assert.Null(await _database.Store.LoadAsync(refused.Id, CancellationToken.None));
        Assert.Equal(await _database.CountAsync("carts") - cartsBefore, await _database.CountAsync("outbox") - outboxBefore);

        await LimitPagesAsync(grow: 1_000);
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(refused));
        Assert.NotNull(await _database.Store.LoadAsync(refused.Id, CancellationToken.None));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Saves new carts until one is refused for lack of space; the pages left over fill within a few hundred.</summary>
    private async Task<(StorageFullException Full, Cart Refused)> SaveUntilFullAsync()
    {
        for (var i = 0; i < 10_000; i++)
        {
            var cart = NewCart();
            try
            {
                await SaveAsync(cart);
            }
            catch (StorageFullException full)
            {
                return (full, cart);
            }
        }

        throw new InvalidOperationException("The page limit never filled.");
    }

    /// <summary>
    /// Caps the file at its current size plus <paramref name="grow"/> pages. The limit lives on the connection, so the pool
    /// is emptied first and the one connection that carries it is the one the store's next open takes back.
    /// </summary>
    private async Task LimitPagesAsync(int grow)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = await _database.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count;";
        var pages = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = $"PRAGMA max_page_count = {pages + grow};";
        await command.ExecuteNonQueryAsync();
    }

    private Task<SaveOutcome> SaveAsync(Cart cart) =>
        _database.Store.SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"), CancellationToken.None);

    private static Cart NewCart() =>
        Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], Now).Value;
}
