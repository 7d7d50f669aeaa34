using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Limit;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>What the sections share: settings, paths, the publish cache, and the storage limit (measured once per run).</summary>
internal sealed class RunContext(BenchmarkSettings settings, RepositoryLayout layout, TextWriter progress)
{
    private readonly Dictionary<int, Task<StorageLimitResult>> _limits = [];

    public BenchmarkSettings Settings { get; } = settings;

    public RepositoryLayout Layout { get; } = layout;

    public AppPublisher Publisher { get; } = new(layout, progress);

    public TextWriter Progress { get; } = progress;

    /// <summary>
    /// The bare-SQLite limit at <paramref name="concurrency"/> writers and this run's duration. Measured the first time a
    /// section asks for it, so the service section alone still has its reference, and <c>all</c> measures it once.
    /// </summary>
    public Task<StorageLimitResult> StorageLimitAsync(int concurrency, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(concurrency, out var limit))
        {
            _limits[concurrency] = limit = StorageLimit.MeasureAsync(Settings with { Concurrency = concurrency }, Progress, cancellationToken);
        }

        return limit;
    }
}
