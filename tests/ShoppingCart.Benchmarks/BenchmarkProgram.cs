using System.Diagnostics;
using System.Text.Json;
using ShoppingCart.Benchmarks.Reporting;
using ShoppingCart.Benchmarks.Sections;

namespace ShoppingCart.Benchmarks;

/// <summary>
/// Runs the chosen sections one after another, prints one markdown table and writes the same results as JSON.
/// A section that fails is reported and the run goes on; the exit code is non-zero only for bad arguments.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkSettings settings;
        try
        {
            settings = BenchmarkSettings.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            await Console.Error.WriteLineAsync(BenchmarkSettings.Usage);
            return 2;
        }

        var layout = RepositoryLayout.Locate();
        var progress = Console.Error;
        var context = new RunContext(settings, layout, progress);
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineDescription.Current();
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var results = new List<SectionResult>();
        foreach (var section in Sections(settings.Sections))
        {
            await progress.WriteLineAsync($"== {section.Name}");
            results.Add(await RunSectionAsync(section, context, cancellation.Token));
        }

        var report = new BenchmarkReport(
            startedAt, CommandLine(args), machine with { LoadAverageAtEnd = LoadAverage.OneMinute() }, BenchmarkSettingsView.From(settings), results);
        var outputPath = Path.GetFullPath(settings.OutputPath, layout.Root);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        await File.WriteAllTextAsync(outputPath, JsonSerializer.Serialize(report, ReportJsonContext.Default.BenchmarkReport));

        Console.WriteLine(MarkdownReport.Render(report));
        await progress.WriteLineAsync($"results written to {outputPath}");
        return 0;
    }

    private static async Task<SectionResult> RunSectionAsync(IBenchmarkSection section, RunContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var output = await section.RunAsync(context, cancellationToken);
            return new SectionResult(section.Name, output.Measurements, output.Notes, null, clock.Elapsed);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await context.Progress.WriteLineAsync($"{section.Name} failed: {exception}");
            return SectionResult.Failed(section.Name, $"{exception.GetType().Name}: {exception.Message}", clock.Elapsed);
        }
    }

    private static IEnumerable<IBenchmarkSection> Sections(IEnumerable<string> names) => names.Select<string, IBenchmarkSection>(name => name switch
    {
        "limit" => new LimitSection(),
        "service" => new ServiceSection(),
        "peer" => new PeerSection(),
        "drain" => new DrainSection(),
        "coldstart" => new ColdStartSection(),
        "micro" => new MicroSection(),
        "forwarder" => new ForwarderSection(),
        _ => throw new ArgumentOutOfRangeException(nameof(names), name, "Unknown section."),
    });

    private static string CommandLine(string[] args) =>
        $"dotnet run -c Release --project tests/ShoppingCart.Benchmarks -- {string.Join(' ', args)}";
}
