using System.Diagnostics;
using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// Same-cart contention: round after round, a fresh cart and <see cref="Clients"/> add-items sent to it at once without
/// If-Match. Every add must be accepted (the service orders them instead of failing them), the cart must end at one
/// version per add, and the log must hold each version's event in version order.
/// </summary>
internal static class SameCartRun
{
    public const int Clients = 48;

    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    public static async Task<SameCartResult> RunAsync(PublishedApp app, BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        using var scratch = ScratchDirectory.Create("same-cart");
        var environment = EmbeddedAppSettings.For(scratch);
        var token = await DevelopmentToken.MintAsync(app, environment, cancellationToken);
        using var process = AppProcess.Start(app, environment);
        await process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await using var tail = new EventLogTail(scratch.File(EmbeddedAppSettings.EventLogFile));
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        {
            BaseAddress = process.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { Authorization = token is null ? null : new("Bearer", token) },
        };
        var api = new CartApiClient(http);

        await progress.WriteLineAsync($"service: same cart, rounds of {Clients} concurrent add-items for {settings.Duration.TotalSeconds:0} s");
        var warmupEnds = Stopwatch.GetTimestamp() + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmupEnds)
        {
            await RoundAsync(api, cancellationToken);
        }

        var cpu = new CpuMeter(() => process.ProcessorTimes);
        var latencies = new List<double>();
        var roundTimes = new List<double>();
        var carts = new List<string>();
        long accepted = 0, refused = 0;
        string? firstRefusal = null;
        cpu.Start();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < settings.Duration)
        {
            var round = await RoundAsync(api, cancellationToken);
            carts.Add(round.CartId);
            latencies.AddRange(round.Latencies);
            roundTimes.Add(round.Elapsed.TotalMilliseconds);
            accepted += round.Accepted;
            refused += Clients - round.Accepted;
            firstRefusal ??= round.FirstRefusal;
        }

        var elapsed = clock.Elapsed;
        var cpuUse = cpu.Stop();

        var expected = carts.SelectMany(cart => Enumerable.Range(1, Clients + 1).Select(version => (cart, (long)version))).ToList();
        var missing = await tail.WaitForAsync(expected, GracePeriod, cancellationToken);
        var outOfOrder = carts.Count(cart => !InVersionOrder(tail, cart));
        return new SameCartResult(
            carts.Count, accepted, refused, firstRefusal, elapsed, LatencySummary.Of(latencies), LatencySummary.Of(roundTimes), missing, outOfOrder, cpuUse);
    }

    /// <summary>A fresh cart, then every client adds one item to it at the same moment.</summary>
    private static async Task<Round> RoundAsync(CartApiClient api, CancellationToken cancellationToken)
    {
        var cart = await api.CreateAsync(cancellationToken);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var adds = Enumerable.Range(0, Clients).Select(async _ =>
        {
            await start.Task;
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await api.AddItemAsync(cart.CartId, cancellationToken);
                return (Latency: Stopwatch.GetElapsedTime(sent).TotalMilliseconds, Refusal: (string?)null);
            }
            catch (HttpRequestException refusal)
            {
                return (Latency: Stopwatch.GetElapsedTime(sent).TotalMilliseconds, Refusal: refusal.Message);
            }
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(adds);
        return new Round(
            cart.CartId,
            results.Count(r => r.Refusal is null),
            results.FirstOrDefault(r => r.Refusal is not null).Refusal,
            [.. results.Select(r => r.Latency)],
            clock.Elapsed);
    }

    /// <summary>Every version of the cart is in the log, each on a later line than the version before it.</summary>
    private static bool InVersionOrder(EventLogTail tail, string cartId)
    {
        var previousLine = -1L;
        for (var version = 1L; version <= Clients + 1; version++)
        {
            if (!tail.TryGet(cartId, version, out var published) || published.Line <= previousLine)
            {
                return false;
            }

            previousLine = published.Line;
        }

        return true;
    }

    private sealed record Round(string CartId, int Accepted, string? FirstRefusal, IReadOnlyList<double> Latencies, TimeSpan Elapsed);
}
