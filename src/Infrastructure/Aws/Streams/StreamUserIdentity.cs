using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>Who made the change; present only for deletions by DynamoDB's own TTL process.</summary>
public sealed class StreamUserIdentity
{
    /// <summary>The principal DynamoDB's TTL process uses: a REMOVE by it is an expiry, not an application delete.</summary>
    public const string TimeToLivePrincipal = "dynamodb.amazonaws.com";

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; init; }
}
