using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>One workload against a fresh app: the load figures, the publish delays and where the CPU went.</summary>
/// <param name="DelayFromEventTime">Line seen in the log minus the event's occurredAt (stamped before the commit): an upper bound.</param>
/// <param name="DelayFromResponse">Line seen in the log minus the response's arrival (after the commit): a lower bound.</param>
/// <param name="EventsMissing">Commands acknowledged whose event was not in the log within the grace period.</param>
/// <param name="AppCpuShare">The app's CPU time over the measured wall time, as a share of all cores (0–1).</param>
/// <param name="ClientCpuShare">This process's (load client and log tail) CPU share likewise.</param>
internal sealed record ServiceRunResult(
    string Workload,
    LoadResult Load,
    LatencySummary DelayFromEventTime,
    LatencySummary DelayFromResponse,
    int EventsMissing,
    int MalformedLogLines,
    double AppCpuShare,
    double ClientCpuShare);
