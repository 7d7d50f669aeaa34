using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

public sealed class DeadLetterReplayEndToEndTests
{
    [Fact]
    public async Task Events_dead_lettered_while_the_bus_failed_are_published_with_their_original_ids_by_replay_after_a_healthy_restart()
    {
        using var data = new TemporaryDirectory();
        var events = new EventLog(ApiProcess.EventLogPathIn(data.Path));
        var stored = new StoredState(ApiProcess.DatabasePathIn(data.Path));
        var failingBus = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The local bus fails every entry; after two attempts each event is dead-lettered.
            ["ShoppingCart:Embedded:EventBus:FailureRate"] = "1",
            ["ShoppingCart:Embedded:Relay:MaxAttempts"] = "2",
            ["ShoppingCart:Embedded:Relay:InitialBackoff"] = "00:00:00.010",
            ["ShoppingCart:Embedded:Relay:MaxBackoff"] = "00:00:00.050",
        };

        CartBody cart;
        await using (var failing = await ApiProcess.StartAsync(data.Path, failingBus))
        {
            using var client = failing.CreateClient();
            var api = new CartApi(client);
            cart = await api.CreateCartAsync(("apple", 1));
            using var added = await api.AddItemsAsync(cart.CartId, $$"""{"items":{{CartApi.Items(("pear", 2))}}}""");
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            await WaitUntilAsync(() => stored.DeadLetterCount() == 2, failing);
            Assert.Equal(0, await failing.StopAsync());
        }

        Assert.Empty(events.ReadAll());
        await using var healthy = await ApiProcess.StartAsync(data.Path);
        using var healthyClient = healthy.CreateClient();
        using var read = await new CartApi(healthyClient).GetAsync(cart.CartId);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var replay = await OperatorProcess.RunAsync(data.Path, "replay", "--all");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        var published = await events.WaitUntilAsync(e => e.Count >= 2, TimeSpan.FromSeconds(30));
        var originalIds = stored.OutboxEventIds(cart.CartId);
        Assert.Equal(originalIds, published.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(originalIds, published.Select(e => e.GetProperty("detail").GetProperty("metadata").GetProperty("eventId").GetString()));
        Assert.Equal(0, stored.DeadLetterCount());
        var status = await OperatorProcess.RunAsync(data.Path, "status");
        Assert.Contains("Dead letters       0", status.Output, StringComparison.Ordinal);
        Assert.Contains("Relay lease        held: a relay is publishing", status.Output, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, ApiProcess api)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"The events were not dead-lettered in time:\n{api.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }
}
