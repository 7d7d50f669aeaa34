using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Infrastructure.Embedded.Relay;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

public sealed class RelayLeaseTests : IDisposable
{
    private readonly EmbeddedTestDatabase _database = new();

    [Fact]
    public void Only_one_lease_on_a_database_is_held_at_a_time()
    {
        var first = RelayLease.TryAcquire(_database.Path);
        Assert.NotNull(first);

        Assert.Null(RelayLease.TryAcquire(_database.Path));

        first.Dispose();
        using var second = RelayLease.TryAcquire(_database.Path);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_relay_stands_by_while_another_holds_the_lease_and_takes_over_when_it_is_released()
    {
        var publisher = new ScriptedPublisher();
        await using var services = _database.BuildServices(customize: s => s.Replace(ServiceDescriptor.Singleton<IEventPublisher>(publisher)));
        var relay = services.GetServices<IHostedService>().OfType<OutboxRelay>().Single();
        var otherRelay = RelayLease.TryAcquire(_database.Path)!;
        await new CartActivity(services.GetRequiredService<ICartStore>()).CreateAsync();
        await relay.StartAsync(CancellationToken.None);

        // The relay checks again every polling interval: move the clock on while the other relay holds the lease...
        for (var i = 0; i < 5; i++)
        {
            _database.Clock.Advance(_database.Settings.Relay.PollingInterval);
        }

        Assert.Empty(publisher.Calls);

        // ...and once it is released, the next check takes over and publishes the waiting row.
        otherRelay.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (publisher.Published.Count == 0 && DateTime.UtcNow < deadline)
        {
            _database.Clock.Advance(_database.Settings.Relay.PollingInterval);
            await Task.Delay(5);
        }

        await relay.StopAsync(CancellationToken.None);
        Assert.Single(publisher.Published);
    }

    public void Dispose() => _database.Dispose();
}
