using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>Source-generated JSON for the partial-batch answer Lambda expects (the event itself is read in place).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchItemFailuresResponse))]
public sealed partial class DynamoDbStreamJsonContext : JsonSerializerContext;
