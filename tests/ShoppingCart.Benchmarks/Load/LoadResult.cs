namespace ShoppingCart.Benchmarks.Load;

/// <summary>What a closed-loop run achieved: successful operations per second, their latency, and the failures.</summary>
internal sealed record LoadResult(long Succeeded, long Failed, TimeSpan Elapsed, LatencySummary Latency, string? FirstFailure)
{
    public double OperationsPerSecond => Succeeded / Elapsed.TotalSeconds;
}
