using ShoppingCart.Benchmarks.Load;

namespace ShoppingCart.Benchmarks.Forwarder;

/// <summary>The forwarder app under load, and the parse-only rate of the same batches.</summary>
/// <param name="Load">One operation = one 100-record batch POSTed to /events and answered with no failures.</param>
/// <param name="ParseOnly">One operation = parsing and mapping one batch in this process, at the same concurrency.</param>
/// <param name="StubEntries">PutEvents entries the stub accepted while the forwarder was loaded (warm-up included).</param>
internal sealed record ForwarderResult(int BatchSize, LoadResult Load, LoadResult ParseOnly, long StubEntries, long StubCalls, double AppCpuShare);
