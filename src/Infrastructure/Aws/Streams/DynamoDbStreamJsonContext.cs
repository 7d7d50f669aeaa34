using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>Source-generated JSON for the DynamoDB stream event Lambda sends and the partial-batch answer it expects.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamoDbStreamRecord))]
[JsonSerializable(typeof(BatchItemFailuresResponse))]
public sealed partial class DynamoDbStreamJsonContext : JsonSerializerContext;
