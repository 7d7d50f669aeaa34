using System.Globalization;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>Outbox records as the service really produces them: real cart behaviours mapped by the real mapper, with fixed ids and clock.</summary>
internal static class CartStories
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public const string CorrelationId = "req-7f3a2c";

    public static CartId CartNumber(int number) =>
        new(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"0c0ffee0-0000-4000-8000-{number:D12}")));

    /// <summary>CartCreated (v1), ItemsAddedToCart (v2), ItemsRemovedFromCart (v3), CartCheckedOut (v4).</summary>
    public static IReadOnlyList<OutboxRecord> FullHistory(int cartNumber)
    {
        var cart = Cart.Create(CartNumber(cartNumber), CustomerId.Create("customer-42").Value, [Item("MUG-RED", 2)], Now).Value;
        Succeeds(cart.AddItems([Item("PEN-BLUE", 3), Item("MUG-RED", 1)], Now.AddMinutes(1)));
        Succeeds(cart.RemoveItems([Item("PEN-BLUE", 1)], Now.AddMinutes(2)));
        Succeeds(cart.CheckOut(Now.AddMinutes(3)));
        return IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, CorrelationId);
    }

    /// <summary>The CartCreated record of a new cart.</summary>
    public static OutboxRecord Created(int cartNumber)
    {
        var cart = Cart.Create(CartNumber(cartNumber), CustomerId.Create("customer-42").Value, [Item("MUG-RED", 2)], Now).Value;
        return IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, CorrelationId).Single();
    }

    /// <summary>One CartCreated record for each of <paramref name="count"/> carts.</summary>
    public static IReadOnlyList<OutboxRecord> ManyCarts(int count) => [.. Enumerable.Range(1, count).Select(Created)];

    private static SkuQuantity Item(string sku, int quantity) => new(Sku.Create(sku).Value, quantity);

    private static void Succeeds(ShoppingCart.Domain.Result result) =>
        Assert.True(result.IsSuccess, $"The cart story itself failed: {result.Error}");
}
