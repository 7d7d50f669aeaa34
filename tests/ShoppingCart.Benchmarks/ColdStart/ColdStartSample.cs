namespace ShoppingCart.Benchmarks.ColdStart;

/// <summary>
/// One process start: time to the first healthy answer, the CPU time the process had used by then (all threads), and
/// the time to the first created cart (null if that failed).
/// </summary>
internal sealed record ColdStartSample(TimeSpan ToHealthy, TimeSpan CpuToHealthy, TimeSpan? ToFirstCart, string? FirstCartFailure);
