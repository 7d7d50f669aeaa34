using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.EventBridge;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>
/// The forwarder's second step for 100 records, as the EventBridge publisher does it: an entry per record, each
/// entry's size as EventBridge counts it, the cut into calls of at most 10 entries / 256 KB, and each call's JSON body.
/// </summary>
[MemoryDiagnoser]
public class PutEventsRequestBenchmarks
{
    private OutboxRecord[] _records = [];
    private EventBridgeEntryFactory? _factory;

    [GlobalSetup]
    public void Setup()
    {
        _records = [.. Enumerable.Range(0, 100).Select(_ => SampleCarts.ItemsAddedRecord(new CartId(Guid.CreateVersion7()), 1))];
        _factory = new EventBridgeEntryFactory(Options.Create(new EventBridgeOptions { EventBusName = "bench-bus", Region = "us-east-1" }));
    }

    [Benchmark(Description = "build the PutEvents request bodies for 100 records")]
    public int Build()
    {
        var entries = new PutEventsRequestEntry[_records.Length];
        var sizes = new int[_records.Length];
        for (var i = 0; i < _records.Length; i++)
        {
            entries[i] = _factory!.Create(_records[i]);
            sizes[i] = PutEventsEntrySize.Of(entries[i]);
        }

        var bytes = 0;
        foreach (var call in PutEventsBatches.Split([.. Enumerable.Range(0, entries.Length)], i => sizes[i]))
        {
            var request = new PutEventsRequest([.. call.Select(i => entries[i])]);
            bytes += JsonSerializer.SerializeToUtf8Bytes(request, PutEventsJsonContext.Wire.PutEventsRequest).Length;
        }

        return bytes;
    }
}
