using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShoppingCart.Application;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Infrastructure.Embedded;
using ShoppingCart.Infrastructure.Embedded.EventBus;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Benchmarks.Drain;

/// <summary>
/// Publishes a backlog through the real embedded relay and local event bus, in a host wired exactly as the API wires
/// them (AddApplication + AddEmbeddedInfrastructure), and then walks the same rows with the relay's own feed reader
/// without publishing, for the parse-only limit.
/// </summary>
internal static class RelayDrain
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);

    public static async Task<DrainResult> MeasureAsync(int rows, TextWriter progress, CancellationToken cancellationToken)
    {
        using var scratch = ScratchDirectory.Create("drain");
        await using var busConsole = new StreamWriter(scratch.File("bus-console.txt"));
        using var host = BuildHost(scratch, busConsole);
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        var feed = host.Services.GetRequiredService<SqliteOutboxFeed>();

        await progress.WriteLineAsync($"drain: writing a backlog of {rows:N0} outbox rows");
        var last = await OutboxBacklog.WriteAsync(database, rows, cancellationToken);

        await progress.WriteLineAsync("drain: starting the relay");
        var clock = Stopwatch.StartNew();
        await host.StartAsync(cancellationToken);
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(DrainTimeout);
            while (await feed.ReadCheckpointAsync(deadline.Token) < last)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
            }
        }

        var drain = clock.Elapsed;
        await host.StopAsync(cancellationToken);
        var lines = File.ReadLines(scratch.File(EmbeddedAppSettings.EventLogFile)).LongCount();

        await progress.WriteLineAsync("drain: reading the same rows without publishing");
        var batchSize = host.Services.GetRequiredService<IOptions<EmbeddedOptions>>().Value.Relay.BatchSize;
        var (readOnly, readAndCheckpoint) = await WalkWithoutPublishingAsync(database, feed, batchSize, cancellationToken);
        return new DrainResult(rows, drain, lines, readOnly, readAndCheckpoint, batchSize);
    }

    private static IHost BuildHost(ScratchDirectory scratch, TextWriter busConsole)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = scratch.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{EmbeddedOptions.SectionName}:DatabasePath"] = scratch.File(EmbeddedAppSettings.DatabaseFile),
            [$"{EmbeddedOptions.SectionName}:EventBus:EventLogPath"] = scratch.File(EmbeddedAppSettings.EventLogFile),
        });

        // As in the service benchmark, nothing below Warning is logged (no provider is added either way).
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication().AddEmbeddedInfrastructure(builder.Configuration);

        // The bus's console line per event goes to a file instead of this program's terminal: same formatting and
        // writes, without mixing 50,000 lines into the report.
        builder.Services.AddSingleton<IEventPublisher>(provider => new LocalEventBus(provider.GetRequiredService<IOptions<EmbeddedOptions>>(), busConsole));
        return builder.Build();
    }

    /// <summary>Rewinds the checkpoint and walks the feed batch by batch; returns the time spent reading, and in all.</summary>
    private static async Task<(TimeSpan ReadOnly, TimeSpan ReadAndCheckpoint)> WalkWithoutPublishingAsync(
        SqliteDatabase database, SqliteOutboxFeed feed, int batchSize, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var rewind = connection.CreateCommand())
        {
            rewind.CommandText = "UPDATE relay_state SET checkpoint = 0;";
            await rewind.ExecuteNonQueryAsync(cancellationToken);
        }

        var reading = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var batch = await feed.ReadAsync(batchSize, cancellationToken);
            reading += Stopwatch.GetElapsedTime(started);
            if (batch.Entries.Count == 0)
            {
                break;
            }

            await feed.AdvanceAsync(OutboxPositions.Parse(batch.Entries[^1].Position), cancellationToken);
        }

        return (reading, total.Elapsed);
    }
}
