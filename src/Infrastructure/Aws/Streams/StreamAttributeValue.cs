using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>
/// A DynamoDB attribute value as a stream record carries it (the JSON the forwarder receives, not the SDK's
/// <c>Amazon.DynamoDBv2.Model.AttributeValue</c>, which the store writes with): exactly one member is set, named after its type
/// (<c>{"S": "text"}</c>, <c>{"N": "3.14"}</c>, <c>{"B": "base64"}</c>, sets, lists, maps, booleans, null).
/// Numbers stay strings, as DynamoDB sends them, so no precision is lost before a reader decides their type.
/// </summary>
public sealed class StreamAttributeValue
{
    [JsonPropertyName("S")]
    public string? S { get; init; }

    [JsonPropertyName("N")]
    public string? N { get; init; }

    /// <summary>Binary, sent as base64.</summary>
    [JsonPropertyName("B")]
    public ReadOnlyMemory<byte>? B { get; init; }

    [JsonPropertyName("SS")]
    public IReadOnlyList<string>? SS { get; init; }

    [JsonPropertyName("NS")]
    public IReadOnlyList<string>? NS { get; init; }

    [JsonPropertyName("BS")]
    public IReadOnlyList<ReadOnlyMemory<byte>>? BS { get; init; }

    [JsonPropertyName("L")]
    public IReadOnlyList<StreamAttributeValue>? L { get; init; }

    [JsonPropertyName("M")]
    public IReadOnlyDictionary<string, StreamAttributeValue>? M { get; init; }

    [JsonPropertyName("BOOL")]
    public bool? BOOL { get; init; }

    [JsonPropertyName("NULL")]
    public bool? NULL { get; init; }
}
