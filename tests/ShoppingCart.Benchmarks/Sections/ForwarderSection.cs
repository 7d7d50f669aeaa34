using ShoppingCart.Benchmarks.Forwarder;
using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Reporting;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>(7) Forwarder throughput: records/s through the forwarder app's /events against an EventBridge stub, vs parse-only.</summary>
internal sealed class ForwarderSection : IBenchmarkSection
{
    public string Name => "forwarder";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var app = await context.Publisher.PublishAsync(context.Layout.ForwarderProject, PublishMode.Jit, cancellationToken);
        var result = await ForwarderThroughput.MeasureAsync(app, context.Settings, context.Progress, cancellationToken);
        var load = result.Load;
        if (load.Succeeded == 0)
        {
            throw new InvalidOperationException($"No batch was forwarded: {load.FirstFailure}");
        }

        var parseOnly = result.ParseOnly.OperationsPerSecond * result.BatchSize;
        return new SectionOutput(
        [
            new Measurement("forwarder /events → EventBridge stub", load.OperationsPerSecond * result.BatchSize, "records/s")
            {
                Note = $"{load.Succeeded:N0} batches of {result.BatchSize} from {context.Settings.Concurrency} clients, {load.Failed} failed"
                    + (load.FirstFailure is null ? "" : $" (first: {load.FirstFailure})")
                    + $"; the stub took {result.StubEntries:N0} entries in {result.StubCalls:N0} PutEvents calls (warm-up included); "
                    + $"app CPU {result.AppCpuShare:P0} of {Environment.ProcessorCount} cores",
            }.ComparedWith(parseOnly, "parse-only"),
            new Measurement("forwarder batch latency p50", load.Latency.P50, "ms"),
            new Measurement("forwarder batch latency p99", load.Latency.P99, "ms"),
        ]);
    }
}
