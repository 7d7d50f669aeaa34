using ShoppingCart.Benchmarks.Load;
using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>(1) The limit: bare SQLite transactions doing what a cart command must do at minimum.</summary>
internal sealed class LimitSection : IBenchmarkSection
{
    public string Name => "limit";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var rows = new List<Measurement>();
        foreach (var writers in new[] { context.Settings.Concurrency, context.Settings.HighConcurrency }.Distinct())
        {
            var limit = await context.StorageLimitAsync(writers, cancellationToken);
            if (limit.Best.Succeeded == 0)
            {
                throw new InvalidOperationException($"No bare write succeeded: {limit.Contended.FirstFailure ?? limit.Gated.FirstFailure}");
            }

            rows.Add(new Measurement($"bare SQLite cart update + outbox insert, {writers} writers (the limit)", limit.OperationsPerSecond, "ops/s")
            {
                Note = $"the better of the two ways below ({(limit.Best == limit.Gated ? "queued in-process" : "contending")})",
            });
            rows.AddRange(Rows("contending for SQLite's lock", limit.Contended, writers));
            rows.AddRange(Rows("queued in-process", limit.Gated, writers));
        }

        return new SectionOutput(
            rows,
            [
                "each operation: BEGIN IMMEDIATE; update one cart row on its version; insert one outbox row; COMMIT — "
                    + "through the embedded store's own connection settings (WAL, synchronous=FULL, busy_timeout) and schema.",
            ]);
    }

    private static IEnumerable<Measurement> Rows(string how, LoadResult load, int writers) =>
    [
        new Measurement($"{writers} writers {how}", load.OperationsPerSecond, "ops/s")
        {
            Note = $"{load.Failed} failed" + (load.FirstFailure is null ? "" : $" (first: {load.FirstFailure})"),
        },
        new Measurement($"{writers} writers {how}: latency p50", load.Latency.P50, "ms"),
        new Measurement($"{writers} writers {how}: latency p99", load.Latency.P99, "ms"),
    ];
}
