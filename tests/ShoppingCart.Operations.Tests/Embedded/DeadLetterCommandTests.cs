using System.Text.Json;
using ShoppingCart.Operations.Tests.Support;

namespace ShoppingCart.Operations.Tests.Embedded;

/// <summary><c>dead-letters</c> and <c>replay</c> on a real SQLite file, with dead letters made by the real relay.</summary>
public sealed class DeadLetterCommandTests : IDisposable
{
    private readonly EmbeddedService _files = new();

    [Fact]
    public async Task Dead_letters_lists_each_with_its_event_id_type_cart_version_reason_and_time()
    {
        var (cartId, eventIds) = await DeadLetterOneCartAsync(versions: 2);

        var text = await _files.OutboxAsync("dead-letters");
        var json = await _files.OutboxAsync("dead-letters", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("2 dead letter(s)", text.Output, StringComparison.Ordinal);
        Assert.Contains($"{eventIds[0]}  CartCreated  cart {cartId} v1  ", text.Output, StringComparison.Ordinal);
        Assert.Contains($"{eventIds[1]}  ItemsAddedToCart  cart {cartId} v2  ", text.Output, StringComparison.Ordinal);
        Assert.Contains("Gave up after 1 attempts: ", text.Output, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(eventIds, listed.Select(l => l.GetProperty("eventId").GetString()));
        Assert.Equal([1L, 2L], listed.Select(l => l.GetProperty("cartVersion").GetInt64()));
        Assert.All(listed, l => Assert.Equal(cartId, l.GetProperty("cartId").GetString()));
        Assert.All(listed, l => Assert.StartsWith("Gave up after 1 attempts", l.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.All(listed, l => Assert.True(l.GetProperty("deadLetteredAt").GetDateTimeOffset() > EmbeddedService.Start));
    }

    [Fact]
    public async Task Replay_all_publishes_each_dead_letter_with_its_original_event_id_in_version_order_and_removes_it()
    {
        var (cartId, eventIds) = await DeadLetterOneCartAsync(versions: 3);

        var run = await _files.OutboxAsync("replay", "--all");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 of 3 handled, 3 published", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 published with their original ids, 0 still dead-lettered", run.Output, StringComparison.Ordinal);
        var published = await _files.PublishedAsync();
        Assert.Equal(eventIds, published.Select(e => e.Id));
        Assert.Equal([1L, 2L, 3L], published.Select(e => e.CartVersion));
        Assert.All(published, e => Assert.Equal(cartId, e.CartId));
        Assert.Equal(0, _files.Count("SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task Replay_by_event_id_publishes_only_those_and_keeps_the_others()
    {
        var (_, eventIds) = await DeadLetterOneCartAsync(versions: 3);

        var run = await _files.OutboxAsync("replay", "--event-id", eventIds[1]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([eventIds[1]], (await _files.PublishedAsync()).Select(e => e.Id));
        Assert.Equal(2, _files.Count("SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task A_dry_run_says_what_it_would_replay_and_publishes_nothing()
    {
        var (_, eventIds) = await DeadLetterOneCartAsync(versions: 2);

        var run = await _files.OutboxAsync("replay", "--all", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Would replay 2 dead letter(s)", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf(eventIds[0], StringComparison.Ordinal) < run.Output.IndexOf(eventIds[1], StringComparison.Ordinal));
        Assert.Empty(await _files.PublishedAsync());
        Assert.Equal(2, _files.Count("SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task Replay_refuses_an_unknown_event_id_with_one_line_and_publishes_nothing()
    {
        var (_, eventIds) = await DeadLetterOneCartAsync(versions: 1);

        var run = await _files.OutboxAsync("replay", "--event-id", eventIds[0], "no-such-event");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("outbox replay: No dead letter has event id no-such-event; nothing was replayed.", run.Errors.Trim());
        Assert.Empty(await _files.PublishedAsync());
        Assert.Equal(1, _files.Count("SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task Replay_refuses_when_nothing_is_dead_lettered()
    {
        var run = await _files.OutboxAsync("replay", "--all");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("outbox replay: Nothing is dead-lettered: there is nothing to replay.", run.Errors.Trim());
    }

    [Fact]
    public async Task Replaying_twice_publishes_once_more_at_most_with_the_same_ids()
    {
        var (_, eventIds) = await DeadLetterOneCartAsync(versions: 2);

        var first = await _files.OutboxAsync("replay", "--all");
        var second = await _files.OutboxAsync("replay", "--all");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(eventIds, (await _files.PublishedAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task A_replay_the_bus_still_refuses_keeps_the_letters_and_exits_non_zero()
    {
        var (_, eventIds) = await DeadLetterOneCartAsync(versions: 2);
        var stillFailing = new Dictionary<string, string> { ["ShoppingCart:Embedded:EventBus:FailureRate"] = "1" };

        var run = await _files.OutboxAsync(["replay", "--all"], stillFailing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("0 published with their original ids, 2 still dead-lettered", run.Output, StringComparison.Ordinal);
        Assert.Contains($"not published, stays dead-lettered: {eventIds[1]}: Held back", run.Output, StringComparison.Ordinal);
        Assert.Equal("outbox replay: 2 of 2 dead letter(s) not fully replayed; see above.", run.Errors.Trim());
        Assert.Equal(2, _files.Count("SELECT COUNT(*) FROM dead_letters"));
        Assert.Empty(await _files.PublishedAsync());
    }

    [Fact]
    public async Task Replaying_an_event_whose_cart_has_newer_published_events_puts_it_on_the_bus_after_them()
    {
        // Version 1 is dead-lettered while the bus fails; the bus recovers and the relay publishes version 2.
        using var failing = _files.Service(failureRate: 1);
        var cartId = await EmbeddedService.CreateCartAsync(failing, EmbeddedService.Start);
        await EmbeddedService.RelayUntilIdleAsync(failing);
        using var healthy = _files.Service();
        await EmbeddedService.AddItemAsync(healthy, cartId, EmbeddedService.Start.AddMinutes(1));
        await EmbeddedService.RelayUntilIdleAsync(healthy);

        var run = await _files.OutboxAsync("replay", "--all");

        // What consumers see: v2, then v1 with its original id. Each keeps its own cartVersion, so a consumer that orders
        // per cart on cartVersion applies v1 before v2 (holding v2 until the gap is filled) and one that dedupes on the
        // event id sees each event once. Replay never re-sends v2.
        Assert.True(run.ExitCode == 0, run.ToString());
        var published = await _files.PublishedAsync();
        Assert.Equal([2L, 1L], published.Select(e => e.CartVersion));
        Assert.Equal(_files.OutboxEventIds(cartId).Reverse(), published.Select(e => e.Id));
    }

    public void Dispose() => _files.Dispose();

    /// <summary>One cart with <paramref name="versions"/> versions, every event dead-lettered by the relay while the bus failed.</summary>
    private async Task<(string CartId, IReadOnlyList<string> EventIds)> DeadLetterOneCartAsync(int versions)
    {
        using var failing = _files.Service(failureRate: 1);
        var cartId = await EmbeddedService.CreateCartAsync(failing, EmbeddedService.Start);
        for (var version = 2; version <= versions; version++)
        {
            await EmbeddedService.AddItemAsync(failing, cartId, EmbeddedService.Start.AddMinutes(version));
        }

        await EmbeddedService.RelayUntilIdleAsync(failing);
        Assert.Equal(versions, _files.Count("SELECT COUNT(*) FROM dead_letters"));
        return (cartId, _files.OutboxEventIds(cartId));
    }
}
