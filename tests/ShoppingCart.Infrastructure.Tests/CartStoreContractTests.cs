using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests;

/// <summary>
/// The behaviour every <see cref="ICartStore"/> adapter must show. Each adapter's test class derives from this and
/// supplies a fresh store over its real backing (a SQLite file, the DynamoDB client against a wire stub).
/// </summary>
public abstract class CartStoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A store over empty tables.</summary>
    protected abstract ICartStore Store { get; }

    /// <summary>The outbox records stored for a cart, in key order (version, then index).</summary>
    protected abstract Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(CartId cartId);

    [Fact]
    public async Task A_saved_cart_loads_with_its_state_and_version()
    {
        var cart = NewCart(("SKU-1", 2), ("SKU-2", 5));

        Assert.Equal(SaveOutcome.Saved, await SaveAsync(cart));
        var loaded = await Store.LoadAsync(cart.Id, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(cart.CustomerId, loaded.CustomerId);
        Assert.Equal(CartStatus.Open, loaded.Status);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(cart.Lines, loaded.Lines);
        Assert.Equal(cart.CreatedAt, loaded.CreatedAt);
        Assert.Empty(loaded.PendingEvents);
    }

    [Fact]
    public async Task An_unknown_cart_loads_as_null()
    {
        Assert.Null(await Store.LoadAsync(new CartId(Guid.NewGuid()), CancellationToken.None));
    }

    [Fact]
    public async Task An_update_at_the_stored_version_is_saved_with_its_outbox_record()
    {
        var cart = NewCart(("SKU-1", 1));
        await SaveAsync(cart);
        var loaded = (await Store.LoadAsync(cart.Id, CancellationToken.None))!;
        Assert.True(loaded.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-1"), 3)], Now).IsSuccess);

        Assert.Equal(SaveOutcome.Saved, await SaveAsync(loaded));

        var reloaded = (await Store.LoadAsync(cart.Id, CancellationToken.None))!;
        Assert.Equal(2, reloaded.Version);
        Assert.Equal(4, reloaded.QuantityOf(Sku.FromTrusted("SKU-1")));
        var outbox = await ReadOutboxAsync(cart.Id);
        Assert.Equal(["CartCreated", "ItemsAddedToCart"], outbox.Select(r => r.EventType));
    }

    [Fact]
    public async Task A_stale_update_is_a_version_conflict_and_writes_nothing()
    {
        var cart = NewCart(("SKU-1", 1));
        await SaveAsync(cart);
        var first = (await Store.LoadAsync(cart.Id, CancellationToken.None))!;
        var second = (await Store.LoadAsync(cart.Id, CancellationToken.None))!;
        first.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], Now);
        second.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-2"), 1)], Now);
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(first));

        Assert.Equal(SaveOutcome.VersionConflict, await SaveAsync(second));

        var stored = (await Store.LoadAsync(cart.Id, CancellationToken.None))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(0, stored.QuantityOf(Sku.FromTrusted("SKU-2")));
        Assert.Equal(2, (await ReadOutboxAsync(cart.Id)).Count);
    }

    [Fact]
    public async Task Creating_a_cart_whose_id_exists_is_a_version_conflict()
    {
        var cart = NewCart(("SKU-1", 1));
        await SaveAsync(cart);
        var duplicate = Cart.Create(cart.Id, CustomerId.Create("someone-else").Value, [], Now).Value;

        Assert.Equal(SaveOutcome.VersionConflict, await SaveAsync(duplicate));

        Assert.Equal(cart.CustomerId, (await Store.LoadAsync(cart.Id, CancellationToken.None))!.CustomerId);
        Assert.Single(await ReadOutboxAsync(cart.Id));
    }

    [Fact]
    public async Task Outbox_records_keep_every_field_and_stay_in_version_order()
    {
        var cart = NewCart(("SKU-1", 5));
        await SaveAsync(cart, "corr-1");
        for (var i = 0; i < 3; i++)
        {
            var loaded = (await Store.LoadAsync(cart.Id, CancellationToken.None))!;
            loaded.RemoveItems([new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], Now.AddMinutes(i + 1));
            await SaveAsync(loaded, $"corr-{i + 2}");
        }

        var outbox = await ReadOutboxAsync(cart.Id);

        Assert.Equal([1L, 2L, 3L, 4L], outbox.Select(r => r.CartVersion));
        var first = outbox[0];
        Assert.Equal(EventIds.For(cart.Id.ToString(), 1, 0), first.EventId);
        Assert.Equal("CartCreated", first.EventType);
        Assert.Equal(IntegrationEventMapper.SchemaVersion, first.SchemaVersion);
        Assert.Equal(Now, first.OccurredAt);
        Assert.Equal(cart.Id.ToString(), first.CartId);
        Assert.Equal(0, first.EventIndex);
        Assert.Equal("corr-1", first.CorrelationId);
        Assert.Contains("\"eventType\":\"CartCreated\"", first.Payload, StringComparison.Ordinal);
        Assert.Equal("corr-4", outbox[3].CorrelationId);
    }

    [Fact]
    public async Task A_checked_out_cart_loads_as_checked_out()
    {
        var created = NewCart(("SKU-1", 1));
        await SaveAsync(created);
        var loaded = (await Store.LoadAsync(created.Id, CancellationToken.None))!;
        loaded.CheckOut(Now);
        await SaveAsync(loaded);

        var reloaded = (await Store.LoadAsync(created.Id, CancellationToken.None))!;

        Assert.Equal(CartStatus.CheckedOut, reloaded.Status);
        Assert.Equal(2, reloaded.Version);
    }

    [Fact]
    public async Task A_customer_lists_only_their_own_carts_most_recently_updated_first()
    {
        var older = await SavedCartAsync("customer-1", Now.AddMinutes(1));
        var middle = await SavedCartAsync("customer-1", Now.AddMinutes(2));
        var newer = await SavedCartAsync("customer-1", Now.AddMinutes(3));
        await SavedCartAsync("customer-2", Now.AddMinutes(4));
        var changed = (await Store.LoadAsync(older.Id, CancellationToken.None))!;
        changed.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-9"), 1)], Now.AddMinutes(5));
        await SaveAsync(changed);

        var listed = await Store.ListByCustomerAsync(CustomerId.FromTrusted("customer-1"), after: null, count: 10, CancellationToken.None);

        Assert.Equal([older.Id, newer.Id, middle.Id], listed.Select(c => c.Id));
        Assert.Equal(2, listed[0].Version);
        Assert.Equal(1, listed[0].QuantityOf(Sku.FromTrusted("SKU-9")));
    }

    [Fact]
    public async Task A_listing_goes_on_strictly_after_the_position_it_is_given()
    {
        var carts = new List<Cart>();
        for (var i = 0; i < 5; i++)
        {
            carts.Add(await SavedCartAsync("customer-1", Now.AddSeconds(i)));
        }

        var customer = CustomerId.FromTrusted("customer-1");
        var first = await Store.ListByCustomerAsync(customer, after: null, count: 2, CancellationToken.None);
        var second = await Store.ListByCustomerAsync(customer, CartListPosition.Of(first[^1]), count: 2, CancellationToken.None);
        var last = await Store.ListByCustomerAsync(customer, CartListPosition.Of(second[^1]), count: 2, CancellationToken.None);

        Assert.Equal([carts[4].Id, carts[3].Id], first.Select(c => c.Id));
        Assert.Equal([carts[2].Id, carts[1].Id], second.Select(c => c.Id));
        Assert.Equal([carts[0].Id], last.Select(c => c.Id));
    }

    [Fact]
    public async Task A_customer_without_carts_lists_none()
    {
        await SavedCartAsync("customer-1", Now);

        Assert.Empty(await Store.ListByCustomerAsync(CustomerId.FromTrusted("customer-3"), after: null, count: 10, CancellationToken.None));
    }

    protected async Task<Cart> SavedCartAsync(string customer, DateTimeOffset at)
    {
        var cart = Cart.Create(new CartId(Guid.NewGuid()), CustomerId.FromTrusted(customer), [new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], at).Value;
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(cart));
        return cart;
    }

    protected static Cart NewCart(params (string Sku, int Quantity)[] items) =>
        Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [.. items.Select(i => new SkuQuantity(Sku.FromTrusted(i.Sku), i.Quantity))], Now).Value;

    protected async Task<SaveOutcome> SaveAsync(Cart cart, string correlationId = "corr")
    {
        var outcome = await Store.SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, correlationId), CancellationToken.None);
        if (outcome == SaveOutcome.Saved)
        {
            cart.MarkPersisted();
        }

        return outcome;
    }
}
