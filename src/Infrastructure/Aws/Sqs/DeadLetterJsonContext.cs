using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.Sqs;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeadLetterMessage))]
public sealed partial class DeadLetterJsonContext : JsonSerializerContext;
