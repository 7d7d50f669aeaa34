using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>One event of a PutEvents call, in the AWS JSON 1.1 shape (PascalCase members, unset members left out).</summary>
public sealed record PutEventsRequestEntry
{
    public required string Source { get; init; }

    public required string DetailType { get; init; }

    /// <summary>A JSON object, as text.</summary>
    public required string Detail { get; init; }

    public required string EventBusName { get; init; }

    /// <summary>The event's time; when left out, EventBridge uses the time of the call.</summary>
    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? Time { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }
}
