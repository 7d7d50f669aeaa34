using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>The <c>dynamodb</c> part of a stream record: the item's keys and images and the record's place in the shard.</summary>
public sealed class StreamRecord
{
    /// <summary>Epoch seconds (possibly fractional) when the change was made.</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    public double? ApproximateCreationDateTime { get; init; }

    [JsonPropertyName("Keys")]
    public IReadOnlyDictionary<string, StreamAttributeValue>? Keys { get; init; }

    [JsonPropertyName("NewImage")]
    public IReadOnlyDictionary<string, StreamAttributeValue>? NewImage { get; init; }

    [JsonPropertyName("OldImage")]
    public IReadOnlyDictionary<string, StreamAttributeValue>? OldImage { get; init; }

    /// <summary>Orders records within a shard; what Lambda's <c>batchItemFailures</c> names.</summary>
    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; init; }

    [JsonPropertyName("SizeBytes")]
    public long? SizeBytes { get; init; }

    [JsonPropertyName("StreamViewType")]
    public string? StreamViewType { get; init; }
}
