using System.Diagnostics;

namespace ShoppingCart.Benchmarks.Load;

/// <summary>
/// Runs <c>concurrency</c> workers, each repeating its operation back to back (a closed loop: a new operation starts
/// when the previous one finished), first for the warm-up (not recorded), then for the measured duration.
/// </summary>
internal static class ClosedLoopDriver
{
    /// <summary>One operation of worker <c>worker</c>; it throws when it failed, with the reason.</summary>
    public delegate Task Operation(int worker, CancellationToken cancellationToken);

    /// <param name="measuring">Called between the warm-up and the measured phase (e.g. to start counting CPU time).</param>
    public static async Task<LoadResult> RunAsync(
        int concurrency, TimeSpan warmup, TimeSpan duration, Operation operation, CancellationToken cancellationToken, Action? measuring = null)
    {
        if (warmup > TimeSpan.Zero)
        {
            await RunPhaseAsync(concurrency, warmup, operation, record: false, cancellationToken);
        }

        measuring?.Invoke();
        return await RunPhaseAsync(concurrency, duration, operation, record: true, cancellationToken);
    }

    private static async Task<LoadResult> RunPhaseAsync(int concurrency, TimeSpan duration, Operation operation, bool record, CancellationToken cancellationToken)
    {
        var workers = new WorkerTally[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var tally = workers[worker] = new WorkerTally();
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var succeeded = true;
                try
                {
                    await operation(worker, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    tally.FirstFailure ??= $"{exception.GetType().Name}: {exception.Message}";
                    succeeded = false;
                }

                if (succeeded)
                {
                    tally.Succeeded++;
                    if (record)
                    {
                        tally.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                else
                {
                    tally.Failed++;
                }
            }
        }, cancellationToken)));

        var elapsed = clock.Elapsed;
        return new LoadResult(
            workers.Sum(w => w.Succeeded),
            workers.Sum(w => w.Failed),
            elapsed,
            LatencySummary.Of(workers.SelectMany(w => w.Latencies)),
            workers.Select(w => w.FirstFailure).FirstOrDefault(f => f is not null));
    }

    private sealed class WorkerTally
    {
        public long Succeeded { get; set; }

        public long Failed { get; set; }

        public List<double> Latencies { get; } = [];

        public string? FirstFailure { get; set; }
    }
}
