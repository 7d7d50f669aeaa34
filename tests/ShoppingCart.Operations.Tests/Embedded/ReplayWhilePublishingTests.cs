using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShoppingCart.Infrastructure.Tests.Embedded;
using ShoppingCart.Operations.Tests.Support;

namespace ShoppingCart.Operations.Tests.Embedded;

/// <summary>The command line run beside a running service on the same file.</summary>
public sealed class ReplayWhilePublishingTests : IDisposable
{
    private readonly EmbeddedService _files = new();

    [Fact]
    public async Task Replay_while_the_relay_publishes_new_commits_keeps_the_relays_order_and_publishes_every_event()
    {
        var deadLettered = new List<string>();
        using (var failing = _files.Service(failureRate: 1))
        {
            for (var i = 0; i < 3; i++)
            {
                var cart = await EmbeddedService.CreateCartAsync(failing, EmbeddedService.Start);
                await EmbeddedService.AddItemAsync(failing, cart, EmbeddedService.Start.AddMinutes(1));
            }

            await EmbeddedService.RelayUntilIdleAsync(failing);
            deadLettered.AddRange(_files.OutboxEventIds());
        }

        using var service = _files.Service();
        var relay = service.GetServices<IHostedService>().Single();
        await relay.StartAsync(CancellationToken.None);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                var cart = await EmbeddedService.CreateCartAsync(service, EmbeddedService.Start.AddMinutes(10));
                await EmbeddedService.AddItemAsync(service, cart, EmbeddedService.Start.AddMinutes(11));
                await EmbeddedService.AddItemAsync(service, cart, EmbeddedService.Start.AddMinutes(12));
            }
        });

        var run = await _files.OutboxAsync("replay", "--all");
        await writer;
        var all = _files.OutboxEventIds();
        var published = await EventLog.WaitUntilAsync(_files.EventLogPath, events => events.Count >= all.Count);
        await relay.StopAsync(CancellationToken.None);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(all.Order(), published.Select(e => e.Id).Order());
        Assert.Equal(0, _files.Count("SELECT COUNT(*) FROM dead_letters"));
        var fromRelay = published.Where(e => !deadLettered.Contains(e.Id)).GroupBy(e => e.CartId);
        Assert.All(fromRelay, cart => Assert.Equal([1L, 2L, 3L], cart.Select(e => e.CartVersion)));
        var replayed = published.Where(e => deadLettered.Contains(e.Id)).GroupBy(e => e.CartId);
        Assert.All(replayed, cart => Assert.Equal([1L, 2L], cart.Select(e => e.CartVersion)));
    }

    public void Dispose() => _files.Dispose();
}
