using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Limit;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>What the sections share: settings, paths, the publish cache, and the storage limit (measured once per run).</summary>
internal sealed class RunContext(BenchmarkSettings settings, RepositoryLayout layout, TextWriter progress)
{
    private Task<StorageLimitResult>? _limit;

    public BenchmarkSettings Settings { get; } = settings;

    public RepositoryLayout Layout { get; } = layout;

    public AppPublisher Publisher { get; } = new(layout, progress);

    public TextWriter Progress { get; } = progress;

    /// <summary>
    /// The bare-SQLite limit at this run's concurrency and duration. Measured the first time a section asks for it, so
    /// the service section alone still has its reference, and <c>all</c> measures it once.
    /// </summary>
    public Task<StorageLimitResult> StorageLimitAsync(CancellationToken cancellationToken) =>
        _limit ??= StorageLimit.MeasureAsync(Settings, Progress, cancellationToken);
}
