using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>One workload against a fresh app: the load figures, the publish delays and where the CPU went.</summary>
/// <param name="DelayFromEventTime">Line seen in the log minus the event's occurredAt (stamped before the commit): an upper bound.</param>
/// <param name="DelayFromResponse">Line seen in the log minus the response's arrival (after the commit): a lower bound.</param>
/// <param name="EventsMissing">Commands acknowledged whose event was not in the log within the grace period.</param>
/// <param name="Cpu">What the app and the load client used while measured.</param>
internal sealed record ServiceRunResult(
    string Workload,
    int Clients,
    bool AsShipped,
    LoadResult Load,
    LatencySummary DelayFromEventTime,
    LatencySummary DelayFromResponse,
    int EventsMissing,
    int MalformedLogLines,
    CpuUse Cpu)
{
    /// <summary>The app's CPU time (user + kernel) per command served, in microseconds.</summary>
    public double AppMicrosecondsPerCommand => Cpu.AppMicrosecondsPer(Load.Succeeded);
}
