using System.Text.Json.Serialization;

namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>Source-generated JSON for the public event contracts: camelCase, no reflection (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(IntegrationEvent<CartCreatedV1>))]
[JsonSerializable(typeof(IntegrationEvent<ItemsAddedToCartV1>))]
[JsonSerializable(typeof(IntegrationEvent<ItemsRemovedFromCartV1>))]
[JsonSerializable(typeof(IntegrationEvent<CartCheckedOutV1>))]
public sealed partial class IntegrationEventJsonContext : JsonSerializerContext;
