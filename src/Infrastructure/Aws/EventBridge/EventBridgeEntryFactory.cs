using Microsoft.Extensions.Options;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// An outbox record as an EventBridge entry: Source = the service, DetailType = the event type, Detail = the stored
/// integration event unchanged, Time = when the cart changed (so a late or replayed publish keeps the real time).
/// </summary>
public sealed class EventBridgeEntryFactory(IOptions<EventBridgeOptions> options)
{
    public PutEventsRequestEntry Create(OutboxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new PutEventsRequestEntry
        {
            Source = options.Value.Source,
            DetailType = record.EventType,
            Detail = record.Payload,
            EventBusName = options.Value.EventBusName,
            Time = record.OccurredAt,
        };
    }
}
