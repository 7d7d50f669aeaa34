using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ShoppingCart.Api.Carts;
using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.ListCarts;

namespace ShoppingCart.Api.Http;

/// <summary>
/// Source-generated JSON for everything the API reads and writes (reflection-based serialization is switched off in
/// the project). The web defaults give camelCase names; the strictness settings are applied in
/// <see cref="Hosting.ApiServiceCollectionExtensions"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateCartRequest))]
[JsonSerializable(typeof(AddItemsRequest))]
[JsonSerializable(typeof(CartView))]
[JsonSerializable(typeof(CartPage))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
// Parameter types: the OpenAPI generator describes route, query and header values through the same resolver.
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int?))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
