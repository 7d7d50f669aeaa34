using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Limit;

/// <summary>
/// The bare-SQLite write rate the service is compared with, measured two ways at the same concurrency: writers that
/// wait for SQLite's write lock themselves (its busy handler sleeps and retries), and writers queued in-process for it
/// (a FIFO gate, so the lock is never contended). The limit is the better of the two: what the storage allows.
/// </summary>
internal sealed record StorageLimitResult(LoadResult Contended, LoadResult Gated)
{
    public LoadResult Best => Gated.OperationsPerSecond >= Contended.OperationsPerSecond ? Gated : Contended;

    public double OperationsPerSecond => Best.OperationsPerSecond;
}
