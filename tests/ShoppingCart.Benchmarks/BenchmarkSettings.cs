using System.Globalization;

namespace ShoppingCart.Benchmarks;

/// <summary>What to run and how long; the defaults keep a full run under five minutes on two cores.</summary>
internal sealed record BenchmarkSettings
{
    public static readonly IReadOnlyList<string> SectionNames = ["limit", "service", "peer", "drain", "coldstart", "micro", "forwarder"];

    public const string Usage = """
        usage: ShoppingCart.Benchmarks <section...> [options]
          sections: all | limit service peer drain coldstart micro forwarder   (several may be given)
          --duration <seconds>     measured time of each load run: limit, service, peer, forwarder (default 10)
          --warmup <seconds>       unmeasured load before each measured run (default 5)
          --concurrency <n>        concurrent writers / HTTP clients (default 4)
          --high-concurrency <n>   the second, busier row of the limit and of add-items (default 16)
          --rows <n>               outbox backlog for the relay drain (default 50000)
          --runs <n>               process starts per cold-start variant, median reported (default 3)
          --no-aot                 skip the Native AOT cold-start variant
          --out <path>             JSON results (default .artifacts/benchmarks/results.json)
        """;

    public required IReadOnlyList<string> Sections { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Long enough for the tiered JIT to finish the hot paths: with 2 s it was still a third of the API's CPU.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public int Concurrency { get; init; } = 4;

    public int HighConcurrency { get; init; } = 16;

    public int Rows { get; init; } = 50_000;

    public int ColdStartRuns { get; init; } = 3;

    public bool IncludeAot { get; init; } = true;

    public string OutputPath { get; init; } = Path.Combine(".artifacts", "benchmarks", "results.json");

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with a readable reason on bad input.</summary>
    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var sections = new List<string>();
        var settings = new BenchmarkSettings { Sections = sections };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            settings = arg switch
            {
                "--duration" => settings with { Duration = Seconds(arg, Value(ref i)) },
                "--warmup" => settings with { Warmup = Seconds(arg, Value(ref i), allowZero: true) },
                "--concurrency" => settings with { Concurrency = Positive(arg, Value(ref i)) },
                "--high-concurrency" => settings with { HighConcurrency = Positive(arg, Value(ref i)) },
                "--rows" => settings with { Rows = Positive(arg, Value(ref i)) },
                "--runs" => settings with { ColdStartRuns = Positive(arg, Value(ref i)) },
                "--no-aot" => settings with { IncludeAot = false },
                "--out" => settings with { OutputPath = Value(ref i) },
                "all" => AddSections(settings, SectionNames),
                _ when SectionNames.Contains(arg) => AddSections(settings, [arg]),
                _ => throw new ArgumentException($"Unknown argument '{arg}'."),
            };
        }

        if (sections.Count == 0)
        {
            throw new ArgumentException("Name at least one section, or 'all'.");
        }

        return settings;

        string Value(ref int index) =>
            ++index < args.Count ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.");

        BenchmarkSettings AddSections(BenchmarkSettings current, IEnumerable<string> names)
        {
            sections.AddRange(names.Where(n => !sections.Contains(n)));
            return current;
        }
    }

    private static TimeSpan Seconds(string option, string text, bool allowZero = false) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && (seconds > 0 || (allowZero && seconds == 0))
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"{option} takes a number of seconds, not '{text}'.");

    private static int Positive(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} takes a positive whole number, not '{text}'.");
}
