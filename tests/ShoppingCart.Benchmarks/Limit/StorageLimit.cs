using Microsoft.Extensions.Options;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Load;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Benchmarks.Limit;

/// <summary>
/// Measures what the storage allows: one <see cref="BareCartWriter"/> per worker, each on its own cart (as each HTTP
/// client of the service benchmark), for the run's concurrency, warm-up and duration, on a fresh database file; once
/// with the writers contending for SQLite's write lock, once with them queued in-process for it.
/// </summary>
internal static class StorageLimit
{
    public static async Task<StorageLimitResult> MeasureAsync(BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        using var scratch = ScratchDirectory.Create("limit");
        var options = Options.Create(new EmbeddedOptions { DatabasePath = scratch.File("limit.db") });
        using var database = new SqliteDatabase(options);
        var store = new SqliteCartStore(database, new OutboxSignal(), TimeProvider.System, options);

        var writers = new BareCartWriter[settings.Concurrency];
        try
        {
            for (var i = 0; i < writers.Length; i++)
            {
                // Each cart is created by the real store, so the row the bare writer updates is exactly what the app stores.
                var cart = SampleCarts.NewCart(new CartId(Guid.CreateVersion7()), DateTimeOffset.UtcNow);
                await store.SaveAsync(cart, IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "bench-seed"), cancellationToken);
                writers[i] = await BareCartWriter.OpenAsync(database, cart.Id, cart.Version, cancellationToken);
            }

            await progress.WriteLineAsync($"limit: {settings.Concurrency} bare SQLite writers contending for the write lock, {settings.Duration.TotalSeconds:0} s");
            var contended = await ClosedLoopDriver.RunAsync(
                settings.Concurrency, settings.Warmup, settings.Duration, (worker, token) => writers[worker].WriteAsync(token), cancellationToken);

            await progress.WriteLineAsync($"limit: {settings.Concurrency} bare SQLite writers queued in-process for the write lock, {settings.Duration.TotalSeconds:0} s");
            using var gate = new SemaphoreSlim(1, 1);
            var gated = await ClosedLoopDriver.RunAsync(
                settings.Concurrency,
                settings.Warmup,
                settings.Duration,
                async (worker, token) =>
                {
                    await gate.WaitAsync(token);
                    try
                    {
                        await writers[worker].WriteAsync(token);
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                cancellationToken);
            return new StorageLimitResult(contended, gated);
        }
        finally
        {
            foreach (var writer in writers.Where(w => w is not null))
            {
                await writer.DisposeAsync();
            }
        }
    }
}
