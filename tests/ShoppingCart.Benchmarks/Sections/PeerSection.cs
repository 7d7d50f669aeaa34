using ShoppingCart.Benchmarks.Hosting;
using ShoppingCart.Benchmarks.Reporting;
using ShoppingCart.Benchmarks.Service;

namespace ShoppingCart.Benchmarks.Sections;

/// <summary>
/// (7) The peer: the same add-items load, from the same load client, against the service and then against the same
/// command built on Wolverine's SQLite durable outbox (<c>tests/ShoppingCart.Benchmarks.WolverinePeer</c>), each on a
/// fresh app and file, back to back; the service must be ahead. Both apps are published the same way and given the
/// same settings (the service's configuration keys for the database file and the event log).
/// </summary>
internal sealed class PeerSection : IBenchmarkSection
{
    private const string PeerLabel = "Wolverine peer: ";

    public string Name => "peer";

    public async Task<SectionOutput> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var clients = context.Settings.HighConcurrency;
        var settings = context.Settings with { Concurrency = clients };
        var service = await context.Publisher.PublishAsync(context.Layout.ApiProject, PublishMode.Jit, cancellationToken);
        var peer = await context.Publisher.PublishAsync(context.Layout.WolverinePeerProject, PublishMode.Jit, cancellationToken);
        var limit = await context.StorageLimitAsync(clients, cancellationToken);

        var ours = await ServiceRun.RunAsync(service, api => new AddItemsWorkload(api, clients), settings, asShipped: false, context.Progress, cancellationToken);
        var theirs = await ServiceRun.RunAsync(peer, api => new AddItemsWorkload(api, clients), settings, asShipped: false, context.Progress, cancellationToken);

        var name = $"service vs Wolverine peer, HTTP add-items, {clients} clients";
        var rows = new List<Measurement>();
        rows.AddRange(ServiceSection.Rows(ours, limit.OperationsPerSecond, targets: false, "service: "));
        rows.AddRange(ServiceSection.Rows(theirs, limit.OperationsPerSecond, targets: false, PeerLabel));
        rows.Add(new Measurement($"{name}: throughput", ours.Load.OperationsPerSecond, "ops/s")
            .ComparedWith(theirs.Load.OperationsPerSecond, "Wolverine peer")
            .WithMinimumRatio(1.0));
        rows.Add(new Measurement($"{name}: latency p99", ours.Load.Latency.P99, "ms")
            .ComparedWith(theirs.Load.Latency.P99, "Wolverine peer")
            .WithMaximumRatio(1.0));
        rows.Add(new Measurement($"{name}: app CPU per command", ours.AppMicrosecondsPerCommand, "µs")
            .ComparedWith(theirs.AppMicrosecondsPerCommand, "Wolverine peer")
            .WithMaximumRatio(1.0));

        return new SectionOutput(
            rows,
            [
                "the peer: minimal API endpoints on Wolverine 6 with its SQLite message store in the carts' file (WAL, the command's "
                    + "connection at synchronous=FULL); per command BEGIN IMMEDIATE, read and update the cart row on its version, "
                    + "enlist Wolverine's message context in the transaction and publish (the envelope is inserted in it), COMMIT, "
                    + "flush; a durable, sequential local queue hands each event to a handler appending one JSON line to a file. "
                    + "The service runs first, the peer right after, same clients, warm-up and duration.",
            ]);
    }
}
