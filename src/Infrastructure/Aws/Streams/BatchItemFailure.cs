using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>One entry of Lambda's partial-batch answer: the sequence number the stream must resume from.</summary>
public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
