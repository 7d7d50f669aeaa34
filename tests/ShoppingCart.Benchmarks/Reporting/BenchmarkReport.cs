namespace ShoppingCart.Benchmarks.Reporting;

/// <summary>The whole run as written to JSON: where and how it ran, and every section's result.</summary>
internal sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    string Command,
    MachineDescription Machine,
    BenchmarkSettingsView Settings,
    IReadOnlyList<SectionResult> Sections);
