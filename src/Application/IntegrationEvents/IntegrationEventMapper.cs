using System.Text.Encodings.Web;
using System.Text.Json;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>Turns domain events into the public integration events and the outbox records that carry them.</summary>
public static class IntegrationEventMapper
{
    public const int SchemaVersion = 1;

    // Relaxed escaping: the payload is JSON for machines, never embedded in HTML, so "+00:00" and "Zoë" stay as they
    // are instead of becoming "\u002B00:00" and "Zo\u00EB" for every consumer.
    private static readonly IntegrationEventJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static IReadOnlyList<OutboxRecord> ToOutboxRecords(IReadOnlyList<ICartEvent> events, string correlationId)
    {
        var records = new List<OutboxRecord>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var index = 0;
            while (index < i && events[i - index - 1].CartVersion == events[i].CartVersion)
            {
                index++;
            }

            records.Add(ToOutboxRecord(events[i], index, correlationId));
        }

        return records;
    }

    public static OutboxRecord ToOutboxRecord(ICartEvent cartEvent, int index, string correlationId)
    {
        var cartId = cartEvent.CartId.ToString();
        var eventType = EventTypeOf(cartEvent);
        var occurredAt = cartEvent.OccurredAt.ToUniversalTime();
        var metadata = new IntegrationEventMetadata(
            EventIds.For(cartId, cartEvent.CartVersion, index), eventType, SchemaVersion, occurredAt, cartId, cartEvent.CartVersion, correlationId);
        return new OutboxRecord(
            metadata.EventId, eventType, SchemaVersion, occurredAt, cartId, cartEvent.CartVersion, index, correlationId, Serialize(cartEvent, metadata));
    }

    public static string EventTypeOf(ICartEvent cartEvent) => cartEvent switch
    {
        CartCreated => nameof(CartCreated),
        ItemsAddedToCart => nameof(ItemsAddedToCart),
        ItemsRemovedFromCart => nameof(ItemsRemovedFromCart),
        CartCheckedOut => nameof(CartCheckedOut),
        _ => throw new ArgumentOutOfRangeException(nameof(cartEvent), cartEvent.GetType().Name, "Unknown cart event."),
    };

    private static string Serialize(ICartEvent cartEvent, IntegrationEventMetadata metadata)
    {
        var json = Json;
        return cartEvent switch
        {
            CartCreated e => JsonSerializer.Serialize(
                new IntegrationEvent<CartCreatedV1>(metadata, new CartCreatedV1(metadata.CartId, e.CustomerId.Value, Lines(e.Lines))),
                json.IntegrationEventCartCreatedV1),
            ItemsAddedToCart e => JsonSerializer.Serialize(
                new IntegrationEvent<ItemsAddedToCartV1>(metadata, new ItemsAddedToCartV1(metadata.CartId, Changes(e.Changes))),
                json.IntegrationEventItemsAddedToCartV1),
            ItemsRemovedFromCart e => JsonSerializer.Serialize(
                new IntegrationEvent<ItemsRemovedFromCartV1>(metadata, new ItemsRemovedFromCartV1(metadata.CartId, Changes(e.Changes))),
                json.IntegrationEventItemsRemovedFromCartV1),
            CartCheckedOut e => JsonSerializer.Serialize(
                new IntegrationEvent<CartCheckedOutV1>(metadata, new CartCheckedOutV1(metadata.CartId, e.CustomerId.Value, Lines(e.Lines), e.Lines.Sum(l => l.Quantity))),
                json.IntegrationEventCartCheckedOutV1),
            _ => throw new ArgumentOutOfRangeException(nameof(cartEvent), cartEvent.GetType().Name, "Unknown cart event."),
        };
    }

    private static CartLineV1[] Lines(IReadOnlyList<CartLine> lines) => [.. lines.Select(l => new CartLineV1(l.Sku.Value, l.Quantity))];

    private static CartLineChangeV1[] Changes(IReadOnlyList<CartLineChange> changes) =>
        [.. changes.Select(c => new CartLineChangeV1(c.Sku.Value, c.Quantity, c.LineQuantity))];
}
