namespace ShoppingCart.Benchmarks.ColdStart;

/// <summary>One process start: time to the first healthy answer and to the first created cart (null if that failed).</summary>
internal sealed record ColdStartSample(TimeSpan ToHealthy, TimeSpan? ToFirstCart, string? FirstCartFailure);
