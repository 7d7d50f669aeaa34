using System.Text;
using BenchmarkDotNet.Attributes;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Infrastructure.Aws.Streams;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>
/// The forwarder's first step: a 100-record DynamoDB stream batch parsed and mapped to outbox entries, from the UTF-8
/// body as the endpoint has read it (reading the body is the endpoint's one array of the body's size, not counted here).
/// </summary>
[MemoryDiagnoser]
public class StreamBatchParsingBenchmarks
{
    private byte[] _batch = [];

    [GlobalSetup]
    public void Setup() => _batch = Encoding.UTF8.GetBytes(StreamBatchJson.Typical(100, batchNumber: 0));

    [Benchmark(Description = "parse + map a 100-record DynamoDB stream batch")]
    public StreamBatch Parse() => DynamoDbStreamParser.Parse(_batch);
}
