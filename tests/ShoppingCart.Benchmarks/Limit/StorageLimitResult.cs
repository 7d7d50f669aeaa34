using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Limit;

/// <summary>The bare-SQLite write rate the service is compared with.</summary>
internal sealed record StorageLimitResult(LoadResult Load)
{
    public double OperationsPerSecond => Load.OperationsPerSecond;
}
