using System.Globalization;
using System.Text.Json.Nodes;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Operations.Tests.Support;

/// <summary>Real outbox records of a cart's life, as the outbox table item and as the stream record Lambda delivers.</summary>
internal static class OutboxItems
{
    /// <summary>A cart created at <paramref name="at"/> and changed <paramref name="versions"/> - 1 more times, a minute apart.</summary>
    public static IReadOnlyList<OutboxRecord> CartHistory(int versions, DateTimeOffset at)
    {
        var cart = Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], at).Value;
        var records = new List<OutboxRecord>(IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"));
        cart.MarkPersisted();
        for (var version = 2; version <= versions; version++)
        {
            Assert.True(cart.AddItems([new SkuQuantity(Sku.FromTrusted("SKU-1"), 1)], at.AddMinutes(version - 1)).IsSuccess);
            records.AddRange(IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr"));
            cart.MarkPersisted();
        }

        return records;
    }

    /// <summary>The item's attributes in DynamoDB JSON, named as <c>DynamoDbSchema.Outbox</c> names them.</summary>
    public static JsonObject Image(OutboxRecord record) => new()
    {
        ["cartId"] = S(record.CartId),
        ["eventKey"] = S(string.Create(CultureInfo.InvariantCulture, $"{record.CartVersion:D20}#{record.EventIndex:D3}")),
        ["eventId"] = S(record.EventId),
        ["eventType"] = S(record.EventType),
        ["schemaVersion"] = N(record.SchemaVersion),
        ["occurredAt"] = S(record.OccurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        ["cartVersion"] = N(record.CartVersion),
        ["eventIndex"] = N(record.EventIndex),
        ["correlationId"] = S(record.CorrelationId),
        ["payload"] = S(record.Payload),
        ["expiresAt"] = N(record.OccurredAt.AddDays(7).ToUnixTimeSeconds()),
    };

    /// <summary>An INSERT stream record of the item, as in a DynamoDB stream event.</summary>
    public static JsonObject StreamRecord(OutboxRecord record, string sequenceNumber) => new()
    {
        ["eventID"] = Guid.NewGuid().ToString("N"),
        ["eventName"] = "INSERT",
        ["eventVersion"] = "1.1",
        ["eventSource"] = "aws:dynamodb",
        ["awsRegion"] = "eu-west-1",
        ["dynamodb"] = new JsonObject
        {
            ["Keys"] = new JsonObject { ["cartId"] = S(record.CartId) },
            ["NewImage"] = Image(record),
            ["SequenceNumber"] = sequenceNumber,
            ["SizeBytes"] = 512,
            ["StreamViewType"] = "NEW_IMAGE",
        },
    };

    private static JsonObject S(string value) => new() { ["S"] = value };

    private static JsonObject N(long value) => new() { ["N"] = value.ToString(CultureInfo.InvariantCulture) };
}
