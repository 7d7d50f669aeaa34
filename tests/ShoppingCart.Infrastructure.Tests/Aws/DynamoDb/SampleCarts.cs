using Microsoft.Extensions.Time.Testing;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>Fixed carts and a fixed clock, so requests on the wire are the same on every run.</summary>
internal static class SampleCarts
{
    public const string CartIdText = "0193a5b2-7c4e-7d1a-9f3b-2a1c5e6f7a8b";
    public static readonly CartId Id = CartId.Parse(CartIdText);
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The store's clock: five seconds after the cart was created.</summary>
    public static readonly DateTimeOffset SavedAt = CreatedAt.AddSeconds(5);

    public static FakeTimeProvider Clock() => new(SavedAt);

    public static SkuQuantity Item(string sku, int quantity) => new(Sku.FromTrusted(sku), quantity);

    /// <summary>A new cart (version 1, its CartCreated pending) holding SKU-B ×2 then SKU-A ×1.</summary>
    public static Cart New() => Cart.Create(Id, CustomerId.Create("customer-1").Value, [Item("SKU-B", 2), Item("SKU-A", 1)], CreatedAt).Value;

    /// <summary>A cart as loaded at <paramref name="version"/>, without pending events.</summary>
    public static Cart Stored(long version, params CartLine[] lines) =>
        Cart.Rehydrate(Id, CustomerId.Create("customer-1").Value, CartStatus.Open, lines, version, CreatedAt, CreatedAt.AddMinutes(1));

    public static IReadOnlyList<OutboxRecord> OutboxOf(Cart cart, string correlationId = "corr-1") =>
        IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, correlationId);
}
