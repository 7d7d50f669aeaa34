using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// Source-generated JSON for the PutEvents wire format (AWS JSON 1.1): members as AWS spells them, unset members left
/// out, and tolerant reading of answers (member case varies between AWS error bodies).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
[JsonSerializable(typeof(AwsJsonErrorResponse))]
public sealed partial class PutEventsJsonContext : JsonSerializerContext;
