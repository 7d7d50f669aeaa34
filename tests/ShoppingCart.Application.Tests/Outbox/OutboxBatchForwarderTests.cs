using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Tests.Outbox;

public sealed class OutboxBatchForwarderTests : IDisposable
{
    private readonly ApplicationHarness _app = new();
    private readonly List<List<string>> _publishCalls = [];
    private readonly Dictionary<string, Queue<PublishOutcome>> _scripted = [];

    public OutboxBatchForwarderTests()
    {
        _app.Publisher.PublishAsync(Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var records = call.Arg<IReadOnlyList<OutboxRecord>>();
            _publishCalls.Add([.. records.Select(r => r.EventId)]);
            return (IReadOnlyList<PublishOutcome>)[.. records.Select(r => _scripted.TryGetValue(r.EventId, out var q) && q.Count > 0 ? q.Dequeue() : PublishOutcome.Published)];
        });
    }

    [Fact]
    public async Task A_batch_that_all_publishes_reports_no_failure()
    {
        var entries = new[] { Entry(1, "cart-a", 1), Entry(2, "cart-b", 1), Entry(3, "cart-a", 2) };

        var report = await _app.Forwarder.ForwardAsync(entries, CancellationToken.None);

        Assert.Null(report.FirstFailedPosition);
        Assert.Equal(3, report.HandledPrefixLength);
        Assert.All(report.Outcomes, o => Assert.Equal(ForwardStatus.Published, o.Status));
    }

    [Fact]
    public async Task One_cart_events_go_out_one_wave_at_a_time_in_version_order()
    {
        var entries = new[] { Entry(1, "cart-a", 1), Entry(2, "cart-b", 1), Entry(3, "cart-a", 2), Entry(4, "cart-a", 3), Entry(5, "cart-b", 2) };

        await _app.Forwarder.ForwardAsync(entries, CancellationToken.None);

        Assert.Equal(
            [["cart-a/1", "cart-b/1"], ["cart-a/2", "cart-b/2"], ["cart-a/3"]],
            _publishCalls);
    }

    [Fact]
    public async Task A_retryable_failure_holds_back_the_rest_of_that_cart_but_not_other_carts()
    {
        _scripted["cart-a/2"] = new([PublishOutcome.Retryable("ThrottlingException", "slow down")]);
        var entries = new[] { Entry(1, "cart-a", 1), Entry(2, "cart-a", 2), Entry(3, "cart-b", 1), Entry(4, "cart-a", 3), Entry(5, "cart-b", 2) };

        var report = await _app.Forwarder.ForwardAsync(entries, CancellationToken.None);

        Assert.Equal(
            [ForwardStatus.Published, ForwardStatus.RetryLater, ForwardStatus.Published, ForwardStatus.RetryLater, ForwardStatus.Published],
            report.Outcomes.Select(o => o.Status));
        Assert.Equal("2", report.FirstFailedPosition);
        Assert.Equal(1, report.HandledPrefixLength);
        Assert.DoesNotContain(_publishCalls.SelectMany(c => c), id => id == "cart-a/3");
        Assert.Contains("ThrottlingException", report.Outcomes[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_lettered_and_the_cart_moves_on()
    {
        _scripted["cart-a/1"] = new([PublishOutcome.Permanent("MalformedDetail", "bad json")]);
        var entries = new[] { Entry(1, "cart-a", 1), Entry(2, "cart-a", 2) };

        var report = await _app.Forwarder.ForwardAsync(entries, CancellationToken.None);

        Assert.Equal([ForwardStatus.DeadLettered, ForwardStatus.Published], report.Outcomes.Select(o => o.Status));
        Assert.Null(report.FirstFailedPosition);
        await _app.DeadLetters.Received(1).SendAsync(entries[0], Arg.Is<string>(r => r.Contains("MalformedDetail")), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_unreadable_entry_is_dead_lettered_without_being_published()
    {
        var unreadable = FeedEntry.Unreadable("1", "{\"not\":\"ours\"}", "Missing attribute eventId.");
        var entries = new[] { unreadable, Entry(2, "cart-a", 1) };

        var report = await _app.Forwarder.ForwardAsync(entries, CancellationToken.None);

        Assert.Equal([ForwardStatus.DeadLettered, ForwardStatus.Published], report.Outcomes.Select(o => o.Status));
        Assert.Equal([["cart-a/1"]], _publishCalls);
        await _app.DeadLetters.Received(1).SendAsync(unreadable, "Missing attribute eventId.", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task When_dead_lettering_fails_the_entry_stays_failed_so_it_is_retried_not_lost()
    {
        _scripted["cart-a/1"] = new([PublishOutcome.Permanent("InvalidArgument", "nope")]);
        _app.DeadLetters.SendAsync(Arg.Any<FeedEntry>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("queue down"));
        var entries = new[] { Entry(1, "cart-a", 1), Entry(2, "cart-a", 2) };

        var report = await _app.Forwarder.ForwardAsync(entries, CancellationToken.None);

        Assert.Equal([ForwardStatus.RetryLater, ForwardStatus.RetryLater], report.Outcomes.Select(o => o.Status));
        Assert.Equal("1", report.FirstFailedPosition);
        Assert.Equal(0, report.HandledPrefixLength);
    }

    [Fact]
    public async Task An_empty_batch_publishes_nothing()
    {
        var report = await _app.Forwarder.ForwardAsync([], CancellationToken.None);

        Assert.Empty(report.Outcomes);
        Assert.Null(report.FirstFailedPosition);
        Assert.Empty(_publishCalls);
    }

    private static FeedEntry Entry(long position, string cartId, long version)
    {
        var record = new OutboxRecord($"{cartId}/{version}", "CartCreated", 1, ApplicationHarness.Now, cartId, version, 0, "corr", "{}");
        return FeedEntry.Readable(position.ToString(System.Globalization.CultureInfo.InvariantCulture), record, "{}");
    }

    public void Dispose() => _app.Dispose();
}
