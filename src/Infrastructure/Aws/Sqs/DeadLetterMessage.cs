using System.Text.Json;

namespace ShoppingCart.Infrastructure.Aws.Sqs;

/// <summary>
/// The body of a dead letter: why the record was given up, where it was in the stream, and the record whole, so it
/// can be inspected and replayed. (The event source mapping's own on-failure message holds only sequence numbers.)
/// </summary>
/// <param name="Reason">Why it can never be published.</param>
/// <param name="Position">Its stream sequence number.</param>
/// <param name="DeadLetteredAt">When it was given up.</param>
/// <param name="EventId">The event id, when the record could be read.</param>
/// <param name="EventType">The event type, when the record could be read.</param>
/// <param name="CartId">The cart, when the record could be read.</param>
/// <param name="Record">The stream record as received, when it is JSON (it always is from a stream).</param>
/// <param name="RecordText">The record as received, when it is not JSON.</param>
public sealed record DeadLetterMessage(
    string Reason,
    string Position,
    DateTimeOffset DeadLetteredAt,
    string? EventId,
    string? EventType,
    string? CartId,
    JsonElement? Record,
    string? RecordText);
