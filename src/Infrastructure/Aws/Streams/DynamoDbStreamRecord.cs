using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>One record of a DynamoDB stream event as Lambda delivers it.</summary>
public sealed class DynamoDbStreamRecord
{
    public const string Insert = "INSERT";
    public const string Modify = "MODIFY";
    public const string Remove = "REMOVE";

    [JsonPropertyName("eventID")]
    public string? EventId { get; init; }

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; init; }

    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }

    [JsonPropertyName("dynamodb")]
    public StreamRecord? Dynamodb { get; init; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; init; }

    [JsonPropertyName("userIdentity")]
    public StreamUserIdentity? UserIdentity { get; init; }

    /// <summary>A deletion made by DynamoDB's TTL process (the item expired), as opposed to an application delete.</summary>
    [JsonIgnore]
    public bool IsTimeToLiveDeletion =>
        EventName == Remove && UserIdentity?.PrincipalId == StreamUserIdentity.TimeToLivePrincipal;
}
