namespace ShoppingCart.Benchmarks.Reporting;

/// <summary>What one section produced: its rows, or the reason it could not finish (the other sections still run).</summary>
internal sealed record SectionResult(string Section, IReadOnlyList<Measurement> Measurements, IReadOnlyList<string> Notes, string? Failure, TimeSpan Elapsed)
{
    public static SectionResult Failed(string section, string failure, TimeSpan elapsed) => new(section, [], [], failure, elapsed);
}
