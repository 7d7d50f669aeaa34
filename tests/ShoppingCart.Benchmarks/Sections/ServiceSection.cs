using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Reporting;
using ShoppingCart.Benchmarks.Service;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>
/// (2) The service over HTTP, each run on a fresh app: add-items at the run's concurrency and at the high concurrency
/// (each compared with the bare-SQLite limit at the same number of writers), the mixed create/add/remove/checkout
/// workload, add-items at the high concurrency logging as <c>./run.sh</c> ships, and same-cart contention; (3) the
/// publish delay during those runs; and the app's CPU time per command.
/// </summary>
/// <remarks>
/// Publish delay: the log tail notes when each event line appears. The commit lies between the event's occurredAt
/// (stamped by the command just before its transaction) and the client receiving the response, so "line seen − occurredAt"
/// is an upper bound on commit → event (the target is checked on it) and "line seen − response" a lower bound.
/// </remarks>
internal sealed class ServiceSection : IBenchmarkSection
{
    /// <summary>Group commit: the service at least as fast as one bare transaction per command, at the high concurrency.</summary>
    private const double ThroughputTarget = 1.0;
    private const double LatencyTargetMilliseconds = 20;
    private const double DelayTargetMilliseconds = 20;
    private const double CpuTargetMicroseconds = 200;

    public string Name => "service";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var app = await context.Publisher.PublishAsync(context.Layout.ApiProject, PublishMode.Jit, cancellationToken);
        var rows = new List<Measurement>();
        var notes = new List<string>
        {
            "HTTP clients (closed loop) against the API published framework-dependent in Release, logging at Warning unless said; "
                + "the load client and the log tail share the machine with the app. CPU per command is the app's user + kernel time "
                + "over the measured interval divided by the commands it served.",
        };

        (string Workload, int Clients, bool AsShipped, bool Targets)[] runs =
        [
            ("add-items", settings.Concurrency, false, false),
            ("add-items", settings.HighConcurrency, false, true),
            ("mixed", settings.Concurrency, false, false),
            ("add-items", settings.HighConcurrency, true, false),
        ];
        foreach (var (workload, clients, asShipped, targets) in runs)
        {
            var limit = await context.StorageLimitAsync(clients, cancellationToken);
            Func<CartApiClient, ICartWorkload> create = workload == "mixed"
                ? api => new MixedWorkload(api, clients)
                : api => new AddItemsWorkload(api, clients);
            var run = await ServiceRun.RunAsync(app, create, settings with { Concurrency = clients }, asShipped, context.Progress, cancellationToken);
            rows.AddRange(Rows(run, limit.OperationsPerSecond, targets));
        }

        var sameCart = await SameCartRun.RunAsync(app, settings, context.Progress, cancellationToken);
        rows.AddRange(SameCartRows(sameCart));
        return new SectionOutput(rows, notes);
    }

    /// <param name="app">Names the app in each row when it is not the service (the peer section's rows).</param>
    internal static IEnumerable<Measurement> Rows(ServiceRunResult run, double limit, bool targets, string app = "")
    {
        var load = run.Load;
        var name = $"{app}HTTP {run.Workload}, {run.Clients} clients{(run.AsShipped ? ", logging as shipped" : "")}";
        var throughput = new Measurement(name, load.OperationsPerSecond, "ops/s")
        {
            Note = $"{load.Succeeded} commands, {load.Failed} failed"
                + (load.FirstFailure is null ? "" : $" (first: {load.FirstFailure})")
                + $"; CPU: {run.Cpu.Describe(load.Succeeded)}",
        }.ComparedWith(limit, $"limit, {run.Clients} writers");
        var p99 = new Measurement($"{name}: latency p99", load.Latency.P99, "ms");
        var delayP99 = new Measurement($"{name}: publish delay p99", run.DelayFromEventTime.P99, "ms")
        {
            Note = $"commit → event line seen in the log, from the event's occurredAt (upper bound); from the response (lower bound) p99 "
                + $"{run.DelayFromResponse.P99:0.0} ms; max {run.DelayFromEventTime.Max:0.0} ms",
        };
        var cpu = new Measurement($"{name}: API CPU per command", run.AppMicrosecondsPerCommand, "µs");
        if (targets)
        {
            throughput = throughput.WithMinimumRatio(ThroughputTarget);
            p99 = p99.WithUpperBound(LatencyTargetMilliseconds);
            delayP99 = delayP99.WithUpperBound(DelayTargetMilliseconds);
            cpu = cpu.WithUpperBound(CpuTargetMicroseconds);
        }

        return
        [
            throughput,
            new Measurement($"{name}: latency p50", load.Latency.P50, "ms"),
            p99,
            new Measurement($"{name}: publish delay p50", run.DelayFromEventTime.P50, "ms")
            {
                Note = $"from the response (lower bound) p50 {run.DelayFromResponse.P50:0.0} ms",
            },
            delayP99,
            cpu,
            new Measurement($"{name}: events missing from the log", run.EventsMissing, "events")
            {
                Target = "0",
                Met = run.EventsMissing == 0,
                Note = run.MalformedLogLines == 0 ? null : $"{run.MalformedLogLines} log lines were not event envelopes",
            },
        ];
    }

    private static IEnumerable<Measurement> SameCartRows(SameCartResult result)
    {
        var name = $"same cart, {SameCartRun.Clients} concurrent add-items";
        var attempted = result.Accepted + result.Refused;
        return
        [
            new Measurement($"{name}: accepted", attempted == 0 ? 0 : 100.0 * result.Accepted / attempted, "%")
            {
                Target = "100 %",
                Met = attempted > 0 && result.Refused == 0,
                Note = $"{result.Rounds} rounds, {result.Accepted} adds accepted, {result.Refused} refused"
                    + (result.FirstRefusal is null ? "" : $" (first: {result.FirstRefusal})")
                    + $"; CPU: {result.Cpu.Describe(result.Accepted)}",
            },
            new Measurement($"{name}: adds", result.AddsPerSecond, "ops/s"),
            new Measurement($"{name}: add latency p99", result.AddLatency.P99, "ms")
            {
                Note = $"p50 {result.AddLatency.P50:0.0} ms; a whole round of {SameCartRun.Clients} p50 {result.RoundTime.P50:0.0} ms, p99 {result.RoundTime.P99:0.0} ms",
            },
            new Measurement($"{name}: carts whose events are missing or out of version order", result.CartsOutOfOrder, "carts")
            {
                Target = "0",
                Met = result.CartsOutOfOrder == 0 && result.Rounds > 0,
                Note = $"{result.EventsMissing} events missing from the log",
            },
        ];
    }
}
