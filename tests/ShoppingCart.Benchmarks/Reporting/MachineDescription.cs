using System.Runtime.InteropServices;

namespace ShoppingCart.Benchmarks.Reporting;

/// <summary>
/// The machine a run was taken on. The load averages before and after tell a reader whether other work competed for
/// the cores (figures taken on a busy machine are lower bounds, not the product's capacity).
/// </summary>
internal sealed record MachineDescription(int ProcessorCount, string OperatingSystem, string Runtime, double? LoadAverageAtStart)
{
    public double? LoadAverageAtEnd { get; init; }

    public static MachineDescription Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage.OneMinute());
}
