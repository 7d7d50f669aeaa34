using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

public sealed class CrashEndToEndTests
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 24;

    [Fact]
    public async Task After_kill_9_mid_traffic_every_acknowledged_change_is_kept_and_published_exactly_by_id()
    {
        using var data = new TemporaryDirectory();
        var events = new EventLog(ApiProcess.EventLogPathIn(data.Path));
        var flakyBus = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Half the publishes fail and are retried, so a backlog sits in the outbox when the process dies.
            ["ShoppingCart:Embedded:EventBus:FailureRate"] = "0.5",
            ["ShoppingCart:Embedded:EventBus:FaultSeed"] = "7",
            ["ShoppingCart:Embedded:Relay:MaxAttempts"] = "1000000",
            ["ShoppingCart:Embedded:Relay:InitialBackoff"] = "00:00:00.010",
            ["ShoppingCart:Embedded:Relay:MaxBackoff"] = "00:00:00.050",
        };
        var acknowledged = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        await using (var first = await ApiProcess.StartAsync(data.Path, flakyBus))
        {
            using var client = first.CreateClient();
            var carts = new CartApi(client);
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var count = 0;
            using var stop = new CancellationTokenSource();

            async Task WriteAsync()
            {
                var cart = await carts.CreateCartAsync(("apple", 1));
                acknowledged[cart.CartId] = cart.Version;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"pear","quantity":1}]}""");
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged[cart.CartId] = (await CartApi.ReadCartAsync(response)).Version;
                        }
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                    {
                        return; // the process died under this request: not acknowledged, may or may not be committed
                    }

                    if (Interlocked.Increment(ref count) == AcknowledgedBeforeKill)
                    {
                        enough.SetResult();
                    }
                }
            }

            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).ToArray();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        await using var second = await ApiProcess.StartAsync(data.Path);
        using var secondClient = second.CreateClient();
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (cartId, version) in acknowledged)
        {
            using var read = await new CartApi(secondClient).GetAsync(cartId);
            var cart = await CartApi.ReadCartAsync(read);
            Assert.True(cart.Version >= version, $"Cart {cartId} acknowledged version {version} but holds {cart.Version} after the crash.");
            Assert.Equal(cart.Version - 1, cart.Items.FirstOrDefault(i => i.Sku == "pear")?.Quantity ?? 0);
            stored[cartId] = cart.Version;
        }

        var published = await events.WaitUntilAsync(
            log => stored.All(c => Enumerable.Range(1, (int)c.Value).All(v => log.Any(e => Is(e, c.Key, v)))),
            TimeSpan.FromSeconds(60));

        foreach (var group in published.GroupBy(e => (CartId: Metadata(e).GetProperty("cartId").GetString()!, Version: Metadata(e).GetProperty("cartVersion").GetInt64())))
        {
            Assert.True(stored.TryGetValue(group.Key.CartId, out var version) && group.Key.Version <= version, $"Published {group.Key} that the store does not hold.");
            Assert.Single(group.Select(e => Metadata(e).GetProperty("eventId").GetString()).Distinct());
        }
    }

    private static JsonElement Metadata(JsonElement e) => e.GetProperty("detail").GetProperty("metadata");

    private static bool Is(JsonElement e, string cartId, long version) =>
        Metadata(e).GetProperty("cartId").GetString() == cartId && Metadata(e).GetProperty("cartVersion").GetInt64() == version;
}
