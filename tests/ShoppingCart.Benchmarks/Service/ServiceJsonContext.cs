using System.Text.Json.Serialization;

namespace ShoppingCart.Benchmarks.Service;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CartResponseBody))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
