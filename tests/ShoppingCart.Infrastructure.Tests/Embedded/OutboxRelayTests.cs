using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mediator;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.CreateCart;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded;
using ShoppingCart.Infrastructure.Embedded.EventBus;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>The hosted relay as a host runs it: started, woken by commits, retrying on the clock, stopped and restarted.</summary>
public sealed class OutboxRelayTests : IDisposable
{
    /// <summary>A polling interval the tests never reach: only the commit signal can wake the relay.</summary>
    private static readonly Dictionary<string, string?> SignalOnly = new() { ["Relay:PollingInterval"] = "1.00:00:00" };

    private readonly EmbeddedTestDatabase _database = new();

    private string LogPath => _database.Settings.EventBus.EventLogPath;

    [Fact]
    public async Task A_commit_wakes_the_relay_without_waiting_for_the_polling_interval()
    {
        await using var services = _database.BuildServices(SignalOnly);
        var relay = RelayOf(services);
        var writer = new CartActivity(services.GetRequiredService<ICartStore>());
        await relay.StartAsync(CancellationToken.None);

        var first = await writer.CreateAsync();
        await EventLog.WaitUntilAsync(LogPath, events => events.Any(e => e.CartId == first));
        var second = await writer.CreateAsync();
        await writer.AddAsync(second);
        var log = await EventLog.WaitUntilAsync(LogPath, events => events.Count(e => e.CartId == second) == 2);

        await relay.StopAsync(CancellationToken.None);
        Assert.Equal([(first, 1L), (second, 1L), (second, 2L)], log.Select(e => (e.CartId, e.CartVersion)));
    }

    [Fact]
    public async Task A_failing_row_is_retried_after_a_backoff_on_the_clock_until_it_is_published()
    {
        var publisher = new ScriptedPublisher();
        var failuresLeft = 2;
        publisher.Rule = _ => Interlocked.Decrement(ref failuresLeft) >= 0 ? PublishOutcome.Retryable("ThrottlingException", "slow down") : null;
        await using var services = _database.BuildServices(
            new Dictionary<string, string?>(SignalOnly) { ["Relay:InitialBackoff"] = "00:01:00", ["Relay:MaxBackoff"] = "00:01:00" },
            s => s.Replace(ServiceDescriptor.Singleton<IEventPublisher>(publisher)));
        var relay = RelayOf(services);
        await new CartActivity(services.GetRequiredService<ICartStore>()).CreateAsync();

        await relay.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => publisher.Calls.Count >= 1);
        Assert.Empty(publisher.Published);

        // The relay sleeps on the fake clock between attempts: move time on until the third attempt has gone out.
        await WaitUntilAsync(() =>
        {
            _database.Clock.Advance(TimeSpan.FromMinutes(1));
            return publisher.Published.Count == 1;
        });
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal(3, publisher.Calls.Count);
        Assert.Equal(1, await services.GetRequiredService<SqliteOutboxFeed>().ReadCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_command_sent_through_the_application_reaches_the_event_log_as_its_envelope()
    {
        await using var services = _database.BuildServices(SignalOnly);
        var relay = RelayOf(services);
        await relay.StartAsync(CancellationToken.None);

        Result<CartView> created;
        await using (var scope = services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CreateCartCommand(CustomerId.FromTrusted("customer-7"), null, [new CartItemInput("SKU-9", 3)], "corr-e2e"));
        }

        var cartId = created.Value.CartId;
        var log = await EventLog.WaitUntilAsync(LogPath, events => events.Any(e => e.CartId == cartId));
        await relay.StopAsync(CancellationToken.None);
        var logged = Assert.Single(log);
        Assert.Equal("CartCreated", logged.DetailType);
        Assert.Equal("corr-e2e", logged.Envelope.GetProperty("detail").GetProperty("metadata").GetProperty("correlationId").GetString());
        Assert.Equal(3, logged.Envelope.GetProperty("detail").GetProperty("data").GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_pass_that_throws_is_retried_after_a_backoff_and_does_not_stop_the_relay()
    {
        var publisher = new ScriptedPublisher();
        var throwsLeft = 1;
        publisher.Rule = _ => Interlocked.Decrement(ref throwsLeft) >= 0 ? throw new IOException("the bus is down") : null;
        await using var services = _database.BuildServices(SignalOnly, s => s.Replace(ServiceDescriptor.Singleton<IEventPublisher>(publisher)));
        var relay = RelayOf(services);
        await new CartActivity(services.GetRequiredService<ICartStore>()).CreateAsync();

        await relay.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            _database.Clock.Advance(TimeSpan.FromSeconds(30));
            return publisher.Published.Count == 1;
        });
        await relay.StopAsync(CancellationToken.None);

        Assert.Equal(2, publisher.Calls.Count);
        Assert.True(relay.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Published_rows_past_their_retention_are_cleaned_up_by_the_running_relay()
    {
        await using var services = _database.BuildServices(
            new Dictionary<string, string?> { ["Relay:PollingInterval"] = "00:00:10", ["OutboxRetention"] = "01:00:00", ["Relay:CleanupInterval"] = "00:00:10" });
        var relay = RelayOf(services);
        await new CartActivity(services.GetRequiredService<ICartStore>()).CreateAsync();
        await relay.StartAsync(CancellationToken.None);
        await EventLog.WaitUntilAsync(LogPath, events => events.Count == 1);

        await WaitUntilAsync(() =>
        {
            _database.Clock.Advance(TimeSpan.FromMinutes(10));
            return _database.CountAsync("outbox").GetAwaiter().GetResult() == 0;
        });
        await relay.StopAsync(CancellationToken.None);

        Assert.True(_database.Clock.GetUtcNow() >= new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero), "deleted before its retention");
    }

    [Fact]
    public async Task Stopping_the_relay_at_random_points_and_restarting_it_publishes_every_committed_event_with_stable_ids()
    {
        const int Seed = 20261130;
        var random = new Random(Seed);
        var carts = new List<string>();
        var stopsMidBatch = 0;
        for (var run = 0; run < 30; run++)
        {
            var stopAfter = random.Next(-1, 12); // records let through before the stop; -1 stops right after starting
            await using var services = _database.BuildServices(
                new Dictionary<string, string?>(SignalOnly) { ["Relay:BatchSize"] = "8" },
                s => s.Replace(ServiceDescriptor.Singleton<IEventPublisher>(p =>
                    new StopPointPublisher(new LocalEventBus(p.GetRequiredService<IOptions<EmbeddedOptions>>(), TextWriter.Null), Math.Max(stopAfter, 0)))));
            var stopPoint = (StopPointPublisher)services.GetRequiredService<IEventPublisher>();
            var writer = new CartActivity(services.GetRequiredService<ICartStore>());
            for (var change = random.Next(1, 6); change > 0; change--)
            {
                if (carts.Count == 0 || random.Next(3) == 0)
                {
                    carts.Add(await writer.CreateAsync());
                }
                else
                {
                    await writer.AddAsync(carts[random.Next(carts.Count)]);
                }
            }

            var committed = await CommittedEventIdsAsync();
            var relay = RelayOf(services);
            await relay.StartAsync(CancellationToken.None);
            if (stopAfter >= 0)
            {
                await WaitUntilAsync(() => stopPoint.Stopped || EventLog.ReadAsync(LogPath).GetAwaiter().GetResult().Select(e => e.Id).ToHashSet().IsSupersetOf(committed));
                stopsMidBatch += stopPoint.Stopped ? 1 : 0;
            }

            await relay.StopAsync(CancellationToken.None);
        }

        await using (var services = _database.BuildServices(SignalOnly))
        {
            var relay = RelayOf(services);
            var committed = await CommittedEventIdsAsync();
            await relay.StartAsync(CancellationToken.None);
            await EventLog.WaitUntilAsync(LogPath, events => events.Select(e => e.Id).ToHashSet().IsSupersetOf(committed));
            await relay.StopAsync(CancellationToken.None);
        }

        var everything = await CommittedEventIdsAsync();
        var log = await EventLog.ReadAsync(LogPath);
        Assert.True(stopsMidBatch > 5, $"seed {Seed}: only {stopsMidBatch} runs stopped mid-batch");
        Assert.Equal(everything.Order(), log.Select(e => e.Id).Distinct().Order());
        // A copy is the same event (same detail); only the envelope id is fresh on each publish, as EventBridge does.
        Assert.All(log.GroupBy(e => e.Id), copies => Assert.Single(copies.Select(c => c.Envelope.GetProperty("detail").GetRawText()).Distinct()));
        Assert.True(log.Count > everything.Count, $"seed {Seed}: stopping mid-batch should have caused some republishing");
        Assert.Equal(await _database.ScalarAsync<long>("SELECT MAX(sequence) FROM outbox;"), await _database.ScalarAsync<long>("SELECT checkpoint FROM relay_state;"));
    }

    public void Dispose() => _database.Dispose();

    private static OutboxRelay RelayOf(IServiceProvider services) => services.GetServices<IHostedService>().OfType<OutboxRelay>().Single();

    private async Task<HashSet<string>> CommittedEventIdsAsync() => [.. (await _database.ReadOutboxAsync()).Select(r => r.EventId)];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, "the condition never held");
            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }
}
