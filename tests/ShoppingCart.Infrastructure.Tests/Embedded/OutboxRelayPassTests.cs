using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>One relay pass at a time, over a real SQLite file and the real forwarding use case.</summary>
public sealed class OutboxRelayPassTests : IAsyncDisposable
{
    private readonly EmbeddedTestDatabase _database = new();
    private readonly ScriptedPublisher _publisher = new();
    private readonly ServiceProvider _services;
    private readonly CartActivity _writer;

    public OutboxRelayPassTests()
    {
        _services = _database.BuildServices(
            new Dictionary<string, string?> { ["Relay:MaxAttempts"] = "3", ["Relay:BatchSize"] = "10" },
            services => services.Replace(ServiceDescriptor.Singleton<IEventPublisher>(_publisher)));
        _writer = new CartActivity(_services.GetRequiredService<ICartStore>());
    }

    private OutboxRelayPass Pass => _services.GetRequiredService<OutboxRelayPass>();

    private SqliteOutboxFeed Feed => _services.GetRequiredService<SqliteOutboxFeed>();

    [Fact]
    public async Task A_pass_publishes_the_rows_after_the_checkpoint_in_sequence_order_and_moves_past_them()
    {
        var a = await _writer.CreateAsync();
        var b = await _writer.CreateAsync();
        await _writer.AddAsync(a);

        var result = await Pass.RunAsync(CancellationToken.None);

        Assert.Equal(new RelayPassResult(3, 3, 0, MoreWaiting: false), result);
        Assert.Equal([(a, 1L), (b, 1L), (a, 2L)], _publisher.Published.Select(r => (r.CartId, r.CartVersion)));
        Assert.Equal(3, await Feed.ReadCheckpointAsync(CancellationToken.None));
        Assert.Equal(RelayPassResult.Idle, await Pass.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_pass_reads_at_most_a_batch_and_says_more_may_be_waiting()
    {
        for (var i = 0; i < 12; i++)
        {
            await _writer.CreateAsync();
        }

        var first = await Pass.RunAsync(CancellationToken.None);
        var second = await Pass.RunAsync(CancellationToken.None);

        Assert.Equal(new RelayPassResult(10, 10, 0, MoreWaiting: true), first);
        Assert.Equal(new RelayPassResult(2, 2, 0, MoreWaiting: false), second);
        Assert.Equal(12, _publisher.Published.Count);
    }

    [Fact]
    public async Task The_checkpoint_stops_before_the_first_failed_row_and_the_rows_behind_it_are_published_again()
    {
        var a = await _writer.CreateAsync();
        var b = await _writer.CreateAsync();
        var c = await _writer.CreateAsync();
        _publisher.Rule = r => r.CartId == b ? PublishOutcome.Retryable("ThrottlingException", "slow down") : null;

        var failed = await Pass.RunAsync(CancellationToken.None);

        Assert.Equal(new RelayPassResult(3, 1, 1, MoreWaiting: true), failed);
        Assert.Equal(1, await Feed.ReadCheckpointAsync(CancellationToken.None));
        Assert.Equal([a, c], _publisher.Published.Select(r => r.CartId));

        _publisher.Rule = _ => null;
        var recovered = await Pass.RunAsync(CancellationToken.None);

        Assert.Equal(new RelayPassResult(2, 2, 0, MoreWaiting: false), recovered);
        Assert.Equal(3, await Feed.ReadCheckpointAsync(CancellationToken.None));
        var published = _publisher.Published;
        Assert.Equal([a, c, b, c], published.Select(r => r.CartId));
        Assert.Equal(published[1].EventId, published[3].EventId); // the duplicate is recognisably the same event
    }

    [Fact]
    public async Task A_cart_whose_event_failed_publishes_nothing_after_it_until_it_goes_out()
    {
        var a = await _writer.CreateAsync();
        var b = await _writer.CreateAsync();
        await _writer.AddAsync(a);
        await _writer.AddAsync(b);
        var failures = 1;
        _publisher.Rule = r => r.CartId == a && r.CartVersion == 1 && failures-- > 0 ? PublishOutcome.Retryable("InternalFailure", "oops") : null;

        await Pass.RunAsync(CancellationToken.None);
        Assert.Equal([(b, 1L), (b, 2L)], _publisher.Published.Select(r => (r.CartId, r.CartVersion)));
        Assert.Equal(0, await Feed.ReadCheckpointAsync(CancellationToken.None));

        await Pass.RunAsync(CancellationToken.None);
        var ofA = _publisher.Published.Where(r => r.CartId == a).Select(r => r.CartVersion);
        Assert.Equal([1L, 2L], ofA);
        Assert.Equal(4, await Feed.ReadCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Attempts_on_the_failing_row_are_counted_across_relay_restarts()
    {
        await _writer.CreateAsync();
        _publisher.Rule = _ => PublishOutcome.Retryable("ThrottlingException", "slow down");
        Assert.Equal(1, (await Pass.RunAsync(CancellationToken.None)).FailedAttempts);

        await using var restarted = _database.BuildServices(
            new Dictionary<string, string?> { ["Relay:MaxAttempts"] = "3" },
            services => services.Replace(ServiceDescriptor.Singleton<IEventPublisher>(_publisher)));
        var pass = restarted.GetRequiredService<OutboxRelayPass>();

        Assert.Equal(2, (await pass.RunAsync(CancellationToken.None)).FailedAttempts);
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT head_attempts FROM relay_state;"));
    }

    [Fact]
    public async Task A_row_that_fails_max_attempts_times_is_dead_lettered_and_no_longer_blocks_the_rows_behind_it()
    {
        var poison = await _writer.CreateAsync();
        var behind = await _writer.CreateAsync();
        _publisher.Rule = r => r.CartId == poison ? PublishOutcome.Retryable("InternalFailure", "always") : null;

        var attempts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add((await Pass.RunAsync(CancellationToken.None)).FailedAttempts);
        }

        Assert.Equal([1, 2, 0], attempts);
        Assert.Equal(1, await Feed.ReadCheckpointAsync(CancellationToken.None));
        Assert.Equal(1L, await _database.CountAsync("dead_letters"));
        Assert.Equal(poison, await _database.ScalarAsync<string>("SELECT cart_id FROM dead_letters WHERE sequence = 1;"));
        var reason = await _database.ScalarAsync<string>("SELECT reason FROM dead_letters;");
        Assert.Contains("3 attempts", reason, StringComparison.Ordinal);
        Assert.Contains("InternalFailure", reason, StringComparison.Ordinal);
        var raw = await _database.ScalarAsync<string>("SELECT raw_content FROM dead_letters;");
        Assert.Contains($"\"cart_id\":\"{poison}\"", raw, StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT head_attempts FROM relay_state;"));

        Assert.Equal(new RelayPassResult(1, 1, 0, MoreWaiting: false), await Pass.RunAsync(CancellationToken.None));
        Assert.Equal(2, await Feed.ReadCheckpointAsync(CancellationToken.None));
        Assert.Contains(_publisher.Published, r => r.CartId == behind);
    }

    [Fact]
    public async Task A_row_the_bus_can_never_take_is_dead_lettered_at_once()
    {
        await _writer.CreateAsync();
        var next = await _writer.CreateAsync();
        _publisher.Rule = r => r.CartVersion == 1 && r.CartId != next ? PublishOutcome.Permanent("MalformedDetail", "bad detail") : null;

        var result = await Pass.RunAsync(CancellationToken.None);

        Assert.Equal(new RelayPassResult(2, 2, 0, MoreWaiting: false), result);
        Assert.Equal("MalformedDetail: bad detail", await _database.ScalarAsync<string>("SELECT reason FROM dead_letters WHERE sequence = 1;"));
        Assert.Equal(2, await Feed.ReadCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_unreadable_row_is_dead_lettered_whole_with_why()
    {
        await _writer.CreateAsync();
        using (var connection = _database.OpenRaw())
        using (var corrupt = connection.CreateCommand())
        {
            corrupt.CommandText = "UPDATE outbox SET occurred_at = 'last tuesday' WHERE sequence = 1;";
            corrupt.ExecuteNonQuery();
        }

        var result = await Pass.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Handled);
        Assert.Empty(_publisher.Published);
        Assert.Contains("Unreadable outbox row 1", await _database.ScalarAsync<string>("SELECT reason FROM dead_letters;"), StringComparison.Ordinal);
        Assert.Contains("last tuesday", await _database.ScalarAsync<string>("SELECT raw_content FROM dead_letters;"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_rows_are_deleted_after_their_retention_and_unpublished_ones_are_kept()
    {
        var published = await _writer.CreateAsync();
        var pending = await _writer.CreateAsync();
        _publisher.Rule = r => r.CartId == pending ? PublishOutcome.Retryable("ThrottlingException", "slow down") : null;
        await Pass.RunAsync(CancellationToken.None);

        _database.Clock.Advance(_database.Settings.OutboxRetention - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Feed.DeleteExpiredAsync(CancellationToken.None));

        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Feed.DeleteExpiredAsync(CancellationToken.None));

        Assert.Equal([pending], (await _database.ReadOutboxAsync()).Select(r => r.CartId));
        Assert.DoesNotContain(published, (await _database.ReadOutboxAsync()).Select(r => r.CartId));
    }

    [Fact]
    public async Task Per_cart_order_holds_under_random_bus_failures()
    {
        await using var services = _database.BuildServices(new Dictionary<string, string?>
        {
            ["Relay:BatchSize"] = "7",
            ["Relay:MaxAttempts"] = "1000",
            ["EventBus:FailureRate"] = "0.3",
            ["EventBus:FaultSeed"] = "20261130",
        });
        var writer = new CartActivity(services.GetRequiredService<ICartStore>());
        var carts = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            carts.Add(await writer.CreateAsync());
        }

        for (var round = 0; round < 5; round++)
        {
            foreach (var cart in carts)
            {
                await writer.AddAsync(cart);
            }
        }

        var pass = services.GetRequiredService<OutboxRelayPass>();
        for (var i = 0; i < 500 && (await pass.RunAsync(CancellationToken.None)) != RelayPassResult.Idle; i++)
        {
        }

        var log = await EventLog.ReadAsync(_database.Settings.EventBus.EventLogPath);
        Assert.True(log.Count > 30, "fault injection should have caused republishing");
        foreach (var cart in carts)
        {
            var versions = log.Where(e => e.CartId == cart).Select(e => e.CartVersion).ToList();
            Assert.Equal(Enumerable.Range(1, 6).Select(v => (long)v), versions.Distinct());
            for (var i = 0; i < versions.Count; i++)
            {
                Assert.True(versions[i] == 1 || versions.Take(i).Contains(versions[i] - 1), $"cart {cart}: version {versions[i]} went out before {versions[i] - 1}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }
}
