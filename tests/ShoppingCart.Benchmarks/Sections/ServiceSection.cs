using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Reporting;
using ShoppingCart.Benchmarks.Service;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>
/// (2) The service over HTTP — add-items, then a mixed create/add/remove/checkout workload, each on a fresh app — at the
/// limit's concurrency and duration, compared with the bare-SQLite limit; and (3) the publish delay during those runs.
/// </summary>
/// <remarks>
/// Publish delay: the log tail notes when each event line appears. The commit lies between the event's occurredAt
/// (stamped by the command just before its transaction) and the client receiving the response, so "line seen − occurredAt"
/// is an upper bound on commit → event (the target is checked on it) and "line seen − response" a lower bound.
/// </remarks>
internal sealed class ServiceSection : IBenchmarkSection
{
    private const double ThroughputTarget = 0.85;
    private const double DelayTargetMilliseconds = 50;

    public string Name => "service";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var limit = await context.StorageLimitAsync(cancellationToken);
        var app = await context.Publisher.PublishAsync(context.Layout.ApiProject, PublishMode.Jit, cancellationToken);
        var rows = new List<Measurement>();
        var notes = new List<string>
        {
            $"{settings.Concurrency} HTTP clients (closed loop) against the API published framework-dependent in Release, logging at Warning; "
                + "the load client and the log tail share the machine with the app.",
        };

        Func<CartApiClient, ICartWorkload>[] workloads =
        [
            api => new AddItemsWorkload(api, settings.Concurrency),
            api => new MixedWorkload(api, settings.Concurrency),
        ];
        foreach (var workload in workloads)
        {
            var run = await ServiceRun.RunAsync(app, workload, settings, context.Progress, cancellationToken);
            var load = run.Load;
            var name = run.Workload;
            rows.Add(new Measurement($"HTTP {name}", load.OperationsPerSecond, "ops/s")
            {
                Note = $"{load.Succeeded} commands, {load.Failed} failed"
                    + (load.FirstFailure is null ? "" : $" (first: {load.FirstFailure})")
                    + $"; CPU: app {run.AppCpuShare:P0}, load client {run.ClientCpuShare:P0} of {Environment.ProcessorCount} cores"
                    + $"; {load.OperationsPerSecond / limit.Contended.OperationsPerSecond:0.00} × the bare writers that contend for SQLite's lock",
            }.ComparedWith(limit.OperationsPerSecond, "limit").WithMinimumRatio(ThroughputTarget));
            rows.Add(new Measurement($"HTTP {name} latency p50", load.Latency.P50, "ms"));
            rows.Add(new Measurement($"HTTP {name} latency p95", load.Latency.P95, "ms"));
            rows.Add(new Measurement($"HTTP {name} latency p99", load.Latency.P99, "ms"));
            rows.Add(new Measurement($"publish delay ({name}) p50", run.DelayFromEventTime.P50, "ms")
            {
                Note = $"commit → event line seen in the log, from the event's occurredAt (upper bound); from the response (lower bound) p50 {run.DelayFromResponse.P50:0.0} ms",
            });
            rows.Add(new Measurement($"publish delay ({name}) p99", run.DelayFromEventTime.P99, "ms")
            {
                Note = $"from the response (lower bound) p99 {run.DelayFromResponse.P99:0.0} ms; max {run.DelayFromEventTime.Max:0.0} ms",
            }.WithUpperBound(DelayTargetMilliseconds));
            rows.Add(new Measurement($"events missing from the log ({name})", run.EventsMissing, "events")
            {
                Target = "0",
                Met = run.EventsMissing == 0,
                Note = run.MalformedLogLines == 0 ? null : $"{run.MalformedLogLines} log lines were not event envelopes",
            });
        }

        return new SectionOutput(rows, notes);
    }
}
