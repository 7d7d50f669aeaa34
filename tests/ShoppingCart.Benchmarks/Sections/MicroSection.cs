using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using ShoppingCart.Benchmarks.Micro;
using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>
/// (6) Micro-benchmarks with BenchmarkDotNet: a short job (one launch, few short iterations) with the memory diagnoser.
/// Each benchmark becomes two rows: time per operation and bytes allocated per operation.
/// </summary>
internal sealed class MicroSection : IBenchmarkSection
{
    public string Name => "micro";

    public Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var job = Job.ShortRun
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(6)
            .WithIterationTime(TimeInterval.FromMilliseconds(200));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(new TextWriterLogger(context.Progress))
            .WithArtifactsPath(Path.Combine(context.Layout.ArtifactsDirectory, "BenchmarkDotNet"))

            // BenchmarkDotNet builds its own copy of the projects; on two shared, busy cores that outlasts its 2-minute default.
            .WithBuildTimeout(TimeSpan.FromMinutes(10))
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);

        var summaries = BenchmarkRunner.Run(
            [typeof(CartCommandBenchmarks), typeof(IntegrationEventSerializationBenchmarks), typeof(StreamBatchParsingBenchmarks), typeof(PutEventsRequestBenchmarks), typeof(BearerAuthenticationBenchmarks)],
            config);
        var rows = new List<Measurement>();
        var notes = new List<string>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            if (report.ResultStatistics is not { } statistics)
            {
                notes.Add($"{name}: no result (the benchmark failed to build or run; see the progress output)");
                continue;
            }

            rows.Add(new Measurement($"{name}: time", statistics.Mean, "ns/op") { Note = $"±{statistics.StandardError:0.#} ns standard error, {statistics.N} iterations" });
            if (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes)
            {
                rows.Add(new Measurement($"{name}: allocated", bytes, "B/op"));
            }
        }

        rows.AddRange(BearerAuthenticationRow(rows));
        if (rows.Count == 0)
        {
            throw new InvalidOperationException("No micro-benchmark produced a result.");
        }

        return Task.FromResult(new SectionOutput(rows, notes));
    }

    /// <summary>The validated request against the same request without a token, measured in the same run.</summary>
    private static IEnumerable<Measurement> BearerAuthenticationRow(List<Measurement> rows)
    {
        var validated = rows.FirstOrDefault(r => r.Measure.StartsWith("authenticate a request with a bearer token", StringComparison.Ordinal) && r.Unit == "ns/op");
        var without = rows.FirstOrDefault(r => r.Measure.StartsWith("authenticate a request without a token", StringComparison.Ordinal) && r.Unit == "ns/op");
        if (validated is not null && without is not null)
        {
            yield return new Measurement("bearer authentication: validated token vs no token (same run)", validated.Value, "ns/op")
                .ComparedWith(without.Value, "no token");
        }
    }
}
