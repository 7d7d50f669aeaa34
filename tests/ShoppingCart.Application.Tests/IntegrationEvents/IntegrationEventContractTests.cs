using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using Snapshooter.Xunit;

namespace ShoppingCart.Application.Tests.IntegrationEvents;

/// <summary>
/// Pins the public JSON of every event type. A failing snapshot means the published contract changed: if that is
/// intended, bump the schema version or add a field compatibly, then accept the new snapshot (see README).
/// </summary>
public class IntegrationEventContractTests
{
    private static readonly CartId Id = new(Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CartCreated_contract()
    {
        var cart = NewCart();

        MatchPayload(cart);
    }

    [Fact]
    public void ItemsAddedToCart_contract()
    {
        var cart = NewCart();
        cart.MarkPersisted();
        cart.AddItems([Item("SKU-1", 3), Item("SKU-9", 1)], Now.AddMinutes(1));

        MatchPayload(cart);
    }

    [Fact]
    public void ItemsRemovedFromCart_contract()
    {
        var cart = NewCart();
        cart.MarkPersisted();
        cart.RemoveItems([Item("SKU-1", 2)], Now.AddMinutes(2));

        MatchPayload(cart);
    }

    [Fact]
    public void CartCheckedOut_contract()
    {
        var cart = NewCart();
        cart.MarkPersisted();
        cart.CheckOut(Now.AddMinutes(3));

        MatchPayload(cart);
    }

    [Fact]
    public void The_outbox_record_carries_the_metadata_of_its_payload()
    {
        var cart = NewCart();

        var record = Assert.Single(IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr-7"));
        var metadata = ParseVerbatim(record.Payload)["metadata"]!;

        Assert.Equal(record.EventId, (string?)metadata["eventId"]);
        Assert.Equal(record.EventType, (string?)metadata["eventType"]);
        Assert.Equal(record.SchemaVersion, (int)metadata["schemaVersion"]!);
        Assert.Equal(record.CartId, (string?)metadata["cartId"]);
        Assert.Equal(record.CartVersion, (long)metadata["cartVersion"]!);
        Assert.Equal("corr-7", (string?)metadata["correlationId"]);
        Assert.Equal(0, record.EventIndex);
    }

    [Fact]
    public void Events_sharing_a_version_get_increasing_indexes_and_distinct_ids()
    {
        var cart = NewCart();
        var created = cart.PendingEvents[0];

        var records = IntegrationEventMapper.ToOutboxRecords([created, created], "corr");

        Assert.Equal([0, 1], records.Select(r => r.EventIndex));
        Assert.NotEqual(records[0].EventId, records[1].EventId);
    }

    [Fact]
    public void The_payload_is_written_without_needless_unicode_escapes()
    {
        var cart = Cart.Create(Id, CustomerId.Create("Zoë+1").Value, [], Now).Value;

        var record = Assert.Single(IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"));

        Assert.Contains("\"customerId\":\"Zoë+1\"", record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"occurredAt\":\"2026-11-30T12:00:00+00:00\"", record.Payload, StringComparison.Ordinal);
    }

    private static void MatchPayload(Cart cart)
    {
        OutboxRecord record = Assert.Single(IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr-123"));
        Snapshot.Match(ParseVerbatim(record.Payload));
    }

    /// <summary>Parses without Newtonsoft's date conversion, so the snapshot shows the strings exactly as published.</summary>
    private static JObject ParseVerbatim(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static Cart NewCart() =>
        Cart.Create(Id, CustomerId.Create("customer-42").Value, [Item("SKU-1", 2), Item("SKU-2", 5)], Now).Value;

    private static SkuQuantity Item(string sku, int quantity) => new(Sku.Create(sku).Value, quantity);
}
