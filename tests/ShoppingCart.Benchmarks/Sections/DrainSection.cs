using ShoppingCart.Benchmarks.Drain;
using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>(4) Relay drain: a backlog published through the local bus, against the rate of merely reading it.</summary>
internal sealed class DrainSection : IBenchmarkSection
{
    public string Name => "drain";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var result = await RelayDrain.MeasureAsync(context.Settings.Rows, context.Progress, cancellationToken);
        var rows = result.Rows;
        var parseOnly = rows / result.ReadOnly.TotalSeconds;
        var drained = new Measurement("relay drain through the local bus", rows / result.Drain.TotalSeconds, "events/s")
        {
            Note = $"{rows:N0} rows ({OutboxBacklog.Carts:N0} carts interleaved), batches of {result.BatchSize}, in {result.Drain.TotalSeconds:0.0} s; "
                + $"{result.LinesInLog:N0} event lines in the log; a relay pass without publishing (read + checkpoint) runs at "
                + $"{rows / result.ReadAndCheckpoint.TotalSeconds:N0} rows/s",
        }.ComparedWith(parseOnly, "read + parse only");

        return new SectionOutput(
        [
            drained,
            new Measurement("event lines in the log", result.LinesInLog, "events")
            {
                Target = $"= {rows:N0}",
                Met = result.LinesInLog == rows,
            },
        ]);
    }
}
