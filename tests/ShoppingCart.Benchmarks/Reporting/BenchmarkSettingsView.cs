namespace ShoppingCart.Benchmarks.Reporting;

/// <summary>The settings of a run, as plain numbers for the JSON file.</summary>
internal sealed record BenchmarkSettingsView(double DurationSeconds, double WarmupSeconds, int Concurrency, int HighConcurrency, int Rows, int ColdStartRuns, bool IncludeAot)
{
    public static BenchmarkSettingsView From(BenchmarkSettings settings) => new(
        settings.Duration.TotalSeconds,
        settings.Warmup.TotalSeconds,
        settings.Concurrency,
        settings.HighConcurrency,
        settings.Rows,
        settings.ColdStartRuns,
        settings.IncludeAot);
}
