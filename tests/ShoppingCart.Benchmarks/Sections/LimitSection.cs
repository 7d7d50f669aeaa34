using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>(1) The limit: bare SQLite transactions doing what a cart command must do at minimum.</summary>
internal sealed class LimitSection : IBenchmarkSection
{
    public string Name => "limit";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var limit = await context.StorageLimitAsync(cancellationToken);
        var load = limit.Load;
        if (load.Succeeded == 0)
        {
            throw new InvalidOperationException($"No bare write succeeded: {load.FirstFailure}");
        }

        return new SectionOutput(
        [
            new Measurement("bare SQLite cart update + outbox insert", load.OperationsPerSecond, "ops/s")
            {
                Note = "update one cart row on its version + insert one outbox row per transaction (BEGIN IMMEDIATE, WAL, synchronous=FULL), "
                    + $"{context.Settings.Concurrency} writers on their own connections; {load.Failed} failed"
                    + (load.FirstFailure is null ? "" : $" (first: {load.FirstFailure})"),
            },
            new Measurement("bare write latency p50", load.Latency.P50, "ms"),
            new Measurement("bare write latency p99", load.Latency.P99, "ms"),
        ]);
    }
}
