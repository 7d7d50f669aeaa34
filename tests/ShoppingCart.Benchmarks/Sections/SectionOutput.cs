using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>The rows a section measured and what a reader should know about them.</summary>
internal sealed record SectionOutput(IReadOnlyList<Measurement> Measurements, IReadOnlyList<string> Notes)
{
    public SectionOutput(IReadOnlyList<Measurement> measurements)
        : this(measurements, [])
    {
    }
}
