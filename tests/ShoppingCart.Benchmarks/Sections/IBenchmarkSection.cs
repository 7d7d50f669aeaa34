using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>One part of the run (limit, service, …). A section that throws is reported as not finished; the rest still run.</summary>
internal interface IBenchmarkSection
{
    string Name { get; }

    Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken);
}
