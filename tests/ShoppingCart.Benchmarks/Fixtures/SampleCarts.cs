using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Benchmarks.Fixtures;

/// <summary>Carts and events of a typical size (three lines, one item per change), built through the real domain code.</summary>
internal static class SampleCarts
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SkuQuantity> InitialItems { get; } = [Item("SKU-APPLE", 2), Item("SKU-BREAD", 1), Item("SKU-CHEESE", 3)];

    public static IReadOnlyList<SkuQuantity> OneMoreApple { get; } = [Item("SKU-APPLE", 1)];

    /// <summary>A new (unsaved) cart with the initial items; its one pending event is <c>CartCreated</c>.</summary>
    public static Cart NewCart(CartId id, DateTimeOffset now) =>
        Cart.Create(id, CustomerId.Create($"customer-{id.Value:N}"[..20]).Value, [.. InitialItems], now).Value;

    /// <summary>A stored cart with the initial items at <paramref name="version"/>, as a store would rehydrate it.</summary>
    public static Cart StoredCart(CartId id, long version) =>
        Cart.Rehydrate(id, CustomerId.FromTrusted("customer-1"), CartStatus.Open, InitialItems.Select(i => new CartLine(i.Sku, i.Quantity)), version, Epoch, Epoch);

    /// <summary>The outbox record of adding one item to a stored cart: the typical event of a cart command.</summary>
    public static OutboxRecord ItemsAddedRecord(CartId id, long storedVersion)
    {
        var cart = StoredCart(id, storedVersion);
        cart.AddItems([.. OneMoreApple], Epoch.AddMinutes(1));
        return IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "bench-correlation")[0];
    }

    private static SkuQuantity Item(string sku, int quantity) => new(Sku.Create(sku).Value, quantity);
}
