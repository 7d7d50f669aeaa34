using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// Starts the published API on a fresh SQLite file and event log, drives one workload through HTTP at the run's
/// concurrency, then matches every acknowledged command with its event line in the log to measure the publish delay.
/// </summary>
internal static class ServiceRun
{
    /// <summary>How long after the load stops the events of the last commands may still take to appear.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    /// <param name="asShipped">
    /// Log as <c>./run.sh</c> does (Information: a line per relay pass and per event on the console, which the harness
    /// reads as a terminal would) instead of at Warning.
    /// </param>
    public static async Task<ServiceRunResult> RunAsync(
        PublishedApp app, Func<CartApiClient, ICartWorkload> workloadFor, BenchmarkSettings settings, bool asShipped, TextWriter progress, CancellationToken cancellationToken)
    {
        using var scratch = ScratchDirectory.Create("service");
        var environment = EmbeddedAppSettings.For(scratch);
        if (asShipped)
        {
            environment["Logging__LogLevel__Default"] = "Information";
        }

        var token = await DevelopmentToken.MintAsync(app, environment, cancellationToken);
        using var process = AppProcess.Start(app, environment);
        await process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await using var tail = new EventLogTail(scratch.File(EmbeddedAppSettings.EventLogFile));

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        {
            BaseAddress = process.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Authorization = token is null ? null : new("Bearer", token) },
        };
        var workload = workloadFor(new CartApiClient(http));
        for (var worker = 0; worker < settings.Concurrency; worker++)
        {
            await workload.SetupAsync(worker, cancellationToken);
        }

        var acks = Enumerable.Range(0, settings.Concurrency).Select(_ => new List<CartAck>()).ToArray();
        var recording = false;
        var cpu = new CpuMeter(() => process.ProcessorTimes);

        await progress.WriteLineAsync($"{app.Name}: {workload.Name}{(asShipped ? " (logging as shipped)" : "")}, {settings.Concurrency} clients for {settings.Duration.TotalSeconds:0} s");
        var load = await ClosedLoopDriver.RunAsync(
            settings.Concurrency,
            settings.Warmup,
            settings.Duration,
            async (worker, token) =>
            {
                var ack = await workload.NextAsync(worker, token);
                if (Volatile.Read(ref recording))
                {
                    acks[worker].Add(ack);
                }
            },
            cancellationToken,
            measuring: () =>
            {
                cpu.Start();
                Volatile.Write(ref recording, true);
            });
        var cpuUse = cpu.Stop();

        var committed = acks.SelectMany(a => a).ToList();
        var missing = await tail.WaitForAsync([.. committed.Select(a => (a.CartId, a.Version))], GracePeriod, cancellationToken);
        var fromEventTime = new List<double>(committed.Count);
        var fromResponse = new List<double>(committed.Count);
        foreach (var ack in committed)
        {
            if (tail.TryGet(ack.CartId, ack.Version, out var published))
            {
                fromEventTime.Add((published.SeenAt - published.OccurredAt).TotalMilliseconds);
                fromResponse.Add((published.SeenAt - ack.ReceivedAt).TotalMilliseconds);
            }
        }

        return new ServiceRunResult(
            workload.Name, settings.Concurrency, asShipped, load, LatencySummary.Of(fromEventTime), LatencySummary.Of(fromResponse), missing, tail.MalformedLines, cpuUse);
    }
}
