using System.Net.Http.Headers;
using System.Text;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Load;
using ShoppingCart.Benchmarks.Service;
using ShoppingCart.Infrastructure.Aws.Streams;

namespace ShoppingCart.Benchmarks.Forwarder;

/// <summary>
/// Posts DynamoDB stream batches to the published forwarder app's <c>/events</c> (as the Lambda Web Adapter would) at
/// the run's concurrency, with EventBridge and SQS pointed at an in-process stub; and, first, parses the same batches
/// in this process with the forwarder's own parser, for the parse-only rate.
/// </summary>
internal static class ForwarderThroughput
{
    public const int BatchSize = 100;
    private const int DistinctBatches = 20;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<ForwarderResult> MeasureAsync(PublishedApp forwarder, BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var bodies = Enumerable.Range(0, DistinctBatches).Select(n => Encoding.UTF8.GetBytes(StreamBatchJson.Typical(BatchSize, n))).ToArray();

        await progress.WriteLineAsync($"forwarder: parsing {BatchSize}-record batches in process, {settings.Concurrency} workers");
        var parseOnly = await ClosedLoopDriver.RunAsync(settings.Concurrency, settings.Warmup, settings.Duration, async (worker, token) =>
        {
            using var body = new MemoryStream(bodies[worker % bodies.Length], writable: false);
            var batch = await DynamoDbStreamParser.ParseAsync(body, body.Length, token);
            if (batch.Entries.Count != BatchSize)
            {
                throw new InvalidOperationException($"Parsed {batch.Entries.Count} entries from a batch of {BatchSize}.");
            }
        }, cancellationToken);

        await using var stub = await EventBridgeStub.StartAsync(cancellationToken);
        using var process = AppProcess.Start(forwarder, Environment(stub.Address));
        await process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = process.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var cpu = new CpuMeter(() => process.ProcessorTimes);
        var next = 0;

        await progress.WriteLineAsync($"forwarder: posting batches to /events, {settings.Concurrency} clients for {settings.Duration.TotalSeconds:0} s");
        var load = await ClosedLoopDriver.RunAsync(settings.Concurrency, settings.Warmup, settings.Duration, async (_, token) =>
        {
            using var content = new ByteArrayContent(bodies[Interlocked.Increment(ref next) % bodies.Length]) { Headers = { ContentType = Json } };
            using var response = await http.PostAsync(new Uri("/events", UriKind.Relative), content, token);
            var answer = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode || !answer.Contains("\"batchItemFailures\":[]", StringComparison.Ordinal))
            {
                throw new HttpRequestException($"/events answered {(int)response.StatusCode}: {answer[..Math.Min(answer.Length, 300)]}");
            }
        }, cancellationToken, measuring: cpu.Start);
        var appCpu = cpu.Stop().AppShare;

        return new ForwarderResult(BatchSize, load, parseOnly, stub.Entries, stub.Calls, appCpu);
    }

    /// <summary>The forwarder's settings: EventBridge and SQS at the stub, a region, and static credentials for signing.</summary>
    private static Dictionary<string, string> Environment(Uri stub) => new()
    {
        ["ShoppingCart__EventBridge__EventBusName"] = "bench-bus",
        ["ShoppingCart__DeadLetterQueue__QueueUrl"] = new Uri(stub, "/000000000000/bench-dead-letters").ToString(),
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = stub.ToString(),
        ["AWS_ENDPOINT_URL_SQS"] = stub.ToString(),
        ["AWS_ACCESS_KEY_ID"] = "AKIDBENCHMARK",
        ["AWS_SECRET_ACCESS_KEY"] = "benchmark-secret",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
