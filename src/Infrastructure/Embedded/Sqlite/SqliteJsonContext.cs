using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>Source-generated JSON for the cart lines column: no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<StoredCartLine>))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
