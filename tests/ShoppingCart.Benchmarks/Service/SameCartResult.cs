using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>What the same-cart rounds achieved.</summary>
/// <param name="Rounds">Carts, each sent <see cref="SameCartRun.Clients"/> concurrent adds.</param>
/// <param name="AddLatency">Per add, from its send to its answer.</param>
/// <param name="RoundTime">From the adds' common start to the last answer.</param>
/// <param name="EventsMissing">Versions whose event was not in the log within the grace period.</param>
/// <param name="CartsOutOfOrder">Carts whose events are missing or not in version order in the log.</param>
internal sealed record SameCartResult(
    int Rounds,
    long Accepted,
    long Refused,
    string? FirstRefusal,
    TimeSpan Elapsed,
    LatencySummary AddLatency,
    LatencySummary RoundTime,
    int EventsMissing,
    int CartsOutOfOrder,
    CpuUse Cpu)
{
    public double AddsPerSecond => Accepted / Elapsed.TotalSeconds;
}
