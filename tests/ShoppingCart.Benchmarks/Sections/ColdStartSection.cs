using ShoppingCart.Benchmarks.ColdStart;
using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>
/// (5) Cold start: process start → first <c>200</c> on <c>/health</c> and → first successful <c>POST /carts</c>, for the
/// API published with the JIT, ReadyToRun and Native AOT, each against the empty minimal-API app published the same way.
/// The variants take turns run by run, so a change in machine load hits them alike; the median is reported.
/// </summary>
internal sealed class ColdStartSection : IBenchmarkSection
{
    private const double ReadyToRunTarget = 1.5;

    public string Name => "coldstart";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var variants = new List<(PublishMode Mode, PublishedApp Api, PublishedApp Empty)>();
        PublishMode[] modes = context.Settings.IncludeAot ? [PublishMode.Jit, PublishMode.ReadyToRun, PublishMode.NativeAot] : [PublishMode.Jit, PublishMode.ReadyToRun];
        foreach (var mode in modes)
        {
            try
            {
                var api = await context.Publisher.PublishAsync(context.Layout.ApiProject, mode, cancellationToken);
                var empty = await context.Publisher.PublishAsync(context.Layout.EmptyApiProject, mode, cancellationToken);
                variants.Add((mode, api, empty));
            }
            catch (PublishFailedException exception)
            {
                notes.Add($"{mode}: not built: {exception.Message}");
            }
        }

        if (!context.Settings.IncludeAot)
        {
            notes.Add("NativeAot: not built: skipped (--no-aot)");
        }

        var samples = variants.SelectMany(v => new[] { v.Api, v.Empty }).ToDictionary(app => app, _ => new List<ColdStartSample>());
        for (var run = 1; run <= context.Settings.ColdStartRuns; run++)
        {
            await context.Progress.WriteLineAsync($"coldstart: run {run} of {context.Settings.ColdStartRuns}");
            foreach (var app in samples.Keys)
            {
                samples[app].Add(await ColdStartProbe.MeasureAsync(app, cancellationToken));
            }
        }

        var rows = new List<Measurement>();
        foreach (var (mode, api, empty) in variants)
        {
            var target = mode == PublishMode.ReadyToRun;
            var health = Row($"API {mode}: start → /health 200", samples[api].Select(s => s.ToHealthy), samples[empty].Select(s => s.ToHealthy), target);
            var apiCpu = Median([.. samples[api].Select(s => s.CpuToHealthy.TotalMilliseconds)]);
            var emptyCpu = Median([.. samples[empty].Select(s => s.CpuToHealthy.TotalMilliseconds)]);
            rows.Add(health with { Note = $"{health.Note}; CPU time used by then {apiCpu:0} ms (empty app {emptyCpu:0} ms)" });

            var apiCart = samples[api].Where(s => s.ToFirstCart is not null).Select(s => s.ToFirstCart!.Value).ToList();
            var emptyCart = samples[empty].Select(s => s.ToFirstCart ?? s.ToHealthy);
            if (apiCart.Count > 0)
            {
                rows.Add(Row($"API {mode}: start → first POST /carts 201", apiCart, emptyCart, target));
            }

            notes.AddRange(samples[api].Select(s => s.FirstCartFailure).OfType<string>().Distinct().Select(f => $"{mode}: first POST /carts failed: {f}"));
        }

        return new SectionOutput(rows, notes);
    }

    private static Measurement Row(string measure, IEnumerable<TimeSpan> values, IEnumerable<TimeSpan> baselines, bool hasTarget)
    {
        var ms = values.Select(v => v.TotalMilliseconds).ToList();
        var row = new Measurement(measure, Median(ms), "ms")
        {
            Note = $"median of {ms.Count}, range {ms.Min():0}–{ms.Max():0} ms",
        }.ComparedWith(Median(baselines.Select(b => b.TotalMilliseconds).ToList()), "empty app");
        return hasTarget ? row.WithMaximumRatio(ReadyToRunTarget) : row;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
