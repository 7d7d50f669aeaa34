namespace ShoppingCart.Benchmarks.Service;

/// <summary>The two fields of the API's cart representation the benchmark needs.</summary>
internal sealed record CartResponseBody(string CartId, long Version);
