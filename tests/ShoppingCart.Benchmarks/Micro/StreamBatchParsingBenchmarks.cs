using BenchmarkDotNet.Attributes;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Infrastructure.Aws.Streams;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>The forwarder's first step: a 100-record DynamoDB stream batch parsed and mapped to outbox entries.</summary>
[MemoryDiagnoser]
public class StreamBatchParsingBenchmarks
{
    private string _batch = string.Empty;

    [GlobalSetup]
    public void Setup() => _batch = StreamBatchJson.Typical(100, batchNumber: 0);

    [Benchmark(Description = "parse + map a 100-record DynamoDB stream batch")]
    public StreamBatch Parse() => DynamoDbStreamParser.Parse(_batch);
}
