using ShoppingCart.Operations.Tests.Support;

namespace ShoppingCart.Operations.Tests.Embedded;

/// <summary><c>republish</c> on a real SQLite file: events still kept in the outbox, published again with their ids.</summary>
public sealed class RepublishCommandTests : IDisposable
{
    private readonly EmbeddedService _files = new();

    [Fact]
    public async Task Republishing_a_cart_publishes_its_events_again_in_version_order_with_the_same_ids()
    {
        using var service = _files.Service();
        var cart = await EmbeddedService.CreateCartAsync(service, EmbeddedService.Start);
        await EmbeddedService.AddItemAsync(service, cart, EmbeddedService.Start.AddMinutes(1));
        await EmbeddedService.AddItemAsync(service, cart, EmbeddedService.Start.AddMinutes(2));
        var other = await EmbeddedService.CreateCartAsync(service, EmbeddedService.Start);
        await EmbeddedService.RelayUntilIdleAsync(service);
        var before = (await _files.PublishedAsync()).Count;

        var run = await _files.OutboxAsync("republish", "--cart", cart);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Republished 3 of 3 event(s) with their original ids; 0 not published; 0 not yet published by the relay", run.Output, StringComparison.Ordinal);
        var again = (await _files.PublishedAsync()).Skip(before).ToList();
        Assert.Equal(_files.OutboxEventIds(cart), again.Select(e => e.Id));
        Assert.Equal([1L, 2L, 3L], again.Select(e => e.CartVersion));
        Assert.DoesNotContain(again, e => e.CartId == other);
    }

    [Fact]
    public async Task Republishing_a_time_window_publishes_only_the_events_that_occurred_in_it()
    {
        using var service = _files.Service();
        var cart = await EmbeddedService.CreateCartAsync(service, EmbeddedService.Start);
        await EmbeddedService.AddItemAsync(service, cart, EmbeddedService.Start.AddMinutes(10));
        await EmbeddedService.AddItemAsync(service, cart, EmbeddedService.Start.AddMinutes(20));
        await EmbeddedService.RelayUntilIdleAsync(service);

        var run = await _files.OutboxAsync("republish", "--since", "2026-11-30T12:05:00Z", "--until", "2026-11-30T12:20:00Z");

        Assert.True(run.ExitCode == 0, run.ToString());
        var published = await _files.PublishedAsync();
        Assert.Equal([1L, 2L, 3L, 2L], published.Select(e => e.CartVersion));
        Assert.Equal(_files.OutboxEventIds(cart)[1], published[^1].Id);
    }

    [Fact]
    public async Task Events_the_relay_has_not_published_yet_are_left_to_it_so_no_version_overtakes_another()
    {
        using var service = _files.Service();
        var cart = await EmbeddedService.CreateCartAsync(service, EmbeddedService.Start);
        await EmbeddedService.RelayUntilIdleAsync(service);
        await EmbeddedService.AddItemAsync(service, cart, EmbeddedService.Start.AddMinutes(1));

        var run = await _files.OutboxAsync("republish", "--cart", cart);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Republished 1 of 1 event(s) with their original ids; 0 not published; 1 not yet published by the relay, left to it.", run.Output, StringComparison.Ordinal);
        Assert.Equal([1L, 1L], (await _files.PublishedAsync()).Select(e => e.CartVersion));
    }

    [Fact]
    public async Task Republish_refuses_a_cart_the_outbox_holds_nothing_for()
    {
        var run = await _files.OutboxAsync("republish", "--cart", "0193a3b0-0000-7000-8000-000000000000");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("outbox republish: The outbox holds no published event for cart 0193a3b0-0000-7000-8000-000000000000.", run.Errors.Trim());
    }

    [Fact]
    public async Task Republish_refuses_a_window_that_ends_before_it_starts()
    {
        var run = await _files.OutboxAsync("republish", "--since", "2026-11-30T12:00:00Z", "--until", "2026-11-30T11:00:00Z");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("outbox republish: --until must be later than --since.", run.Errors.Trim());
    }

    [Theory]
    [InlineData("republish")]
    [InlineData("republish", "--cart", "a", "--since", "2026-11-30T12:00:00Z")]
    [InlineData("republish", "--since", "yesterday")]
    [InlineData("replay")]
    [InlineData("replay", "--all", "--event-id", "x")]
    [InlineData("replay", "--everything")]
    [InlineData("purge")]
    public async Task A_command_line_it_cannot_understand_exits_2_with_the_reason_and_the_usage(params string[] arguments)
    {
        var run = await _files.OutboxAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("outbox: ", run.Errors, StringComparison.Ordinal);
        Assert.Contains("usage: ./run.sh outbox <command>", run.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
