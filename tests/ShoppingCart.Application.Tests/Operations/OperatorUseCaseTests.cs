using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Operations;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Application.Tests.Operations;

/// <summary>The operator use cases against substituted ports: what they take, release, remove and publish, and in which order.</summary>
public sealed class OperatorUseCaseTests
{
    private readonly IEventPublisher _publisher = Substitute.For<IEventPublisher>();
    private readonly IDeadLetterStore _store = Substitute.For<IDeadLetterStore>();
    private readonly List<string> _published = [];
    private readonly HashSet<string> _failing = [];

    public OperatorUseCaseTests()
    {
        _publisher.PublishAsync(Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var records = call.Arg<IReadOnlyList<OutboxRecord>>();
            var outcomes = records.Select(r => _failing.Contains(r.EventId) ? PublishOutcome.Retryable("ThrottlingException", "slow down") : PublishOutcome.Published).ToList();
            _published.AddRange(records.Where(r => !_failing.Contains(r.EventId)).Select(r => r.EventId));
            return (IReadOnlyList<PublishOutcome>)outcomes;
        });
        _store.RemoveAsync(Arg.Any<IReadOnlyList<DeadLetter>>(), Arg.Any<CancellationToken>()).Returns([]);
    }

    private OrderedForwarding Forwarding => new(_publisher, NullLogger<OutboxBatchForwarder>.Instance);

    [Fact]
    public async Task Replay_by_id_releases_the_letters_it_does_not_take_before_publishing_and_removes_only_what_it_published()
    {
        var letters = new[] { Letter("cart-b", 1), Letter("cart-a", 2), Letter("cart-a", 1) };
        _store.ReceiveAllAsync(Arg.Any<CancellationToken>()).Returns(letters);

        var result = await new ReplayDeadLetters(_store, Forwarding).RunAsync(new ReplayRequest(false, ["cart-a/1", "cart-a/2"], DryRun: false), null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(["cart-a/1", "cart-a/2"], _published);
        await _store.Received(1).ReleaseAsync(Arg.Is<IReadOnlyList<DeadLetter>>(l => l.Count == 1 && l[0] == letters[0]), Arg.Any<CancellationToken>());
        await _store.Received(1).RemoveAsync(Arg.Is<IReadOnlyList<DeadLetter>>(l => l.Select(d => d.Id).SequenceEqual(new[] { "cart-a/1", "cart-a/2" })), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_refused_replay_releases_every_letter_it_received_and_publishes_nothing()
    {
        var letters = new[] { Letter("cart-a", 1), Letter("cart-b", 1) };
        _store.ReceiveAllAsync(Arg.Any<CancellationToken>()).Returns(letters);

        var result = await new ReplayDeadLetters(_store, Forwarding).RunAsync(new ReplayRequest(false, ["cart-a/1", "missing"], DryRun: false), null, CancellationToken.None);

        Assert.Equal("outbox.unknown_event_id", result.Error?.Code);
        Assert.Empty(_published);
        var released = _store.ReceivedCalls().Where(c => c.GetMethodInfo().Name == nameof(IDeadLetterStore.ReleaseAsync)).SelectMany(c => (IReadOnlyList<DeadLetter>)c.GetArguments()[0]!);
        Assert.Equal(letters.Select(l => l.Id).Order(), released.Select(l => l.Id).Order());
        await _store.DidNotReceive().RemoveAsync(Arg.Any<IReadOnlyList<DeadLetter>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task When_publishing_throws_the_taken_letters_are_released_and_the_fault_surfaces()
    {
        var letters = new[] { Letter("cart-a", 1) };
        _store.ReceiveAllAsync(Arg.Any<CancellationToken>()).Returns(letters);
        _publisher.PublishAsync(Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => new ReplayDeadLetters(_store, Forwarding).RunAsync(new ReplayRequest(true, [], false), null, CancellationToken.None));

        await _store.Received().ReleaseAsync(Arg.Is<IReadOnlyList<DeadLetter>>(l => l.Count == 1 && l[0] == letters[0]), Arg.Any<CancellationToken>());
        await _store.DidNotReceive().RemoveAsync(Arg.Any<IReadOnlyList<DeadLetter>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_cart_whose_event_fails_in_one_chunk_sends_none_of_its_later_events_in_later_chunks()
    {
        // Cart a's version 1 is first in the first chunk and its version 2 lands in the second chunk.
        var entries = new List<FeedEntry> { Entry("cart-a", 1) };
        entries.AddRange(Enumerable.Range(0, OrderedForwarding.ChunkSize).Select(i => Entry($"other-{i}", 1)));
        entries.Add(Entry("cart-a", 2));
        _failing.Add("cart-a/1");
        var progress = new List<OperationProgress>();

        var outcomes = await Forwarding.ForwardAsync(entries, new Progress(progress), CancellationToken.None);

        Assert.DoesNotContain("cart-a/2", _published);
        Assert.Equal(ForwardStatus.RetryLater, outcomes[^1].Status);
        Assert.StartsWith("Held back", outcomes[^1].Error, StringComparison.Ordinal);
        Assert.Equal(OrderedForwarding.ChunkSize, _published.Count);
        Assert.Equal([new OperationProgress(100, 102, 99), new OperationProgress(102, 102, 100)], progress);
    }

    [Fact]
    public async Task Republish_puts_each_carts_events_in_version_order_in_the_places_the_store_gave_them()
    {
        var history = Substitute.For<IOutboxHistory>();
        history.FindAsync(Arg.Any<RepublishScope>(), Arg.Any<CancellationToken>())
            .Returns(new OutboxSelection([Entry("cart-a", 2), Entry("cart-b", 1), Entry("cart-a", 1), Entry("cart-b", 2)], LeftToRelay: 0));

        var result = await new RepublishOutbox(history, Forwarding, TimeProvider.System)
            .RunAsync(RepublishScope.InWindow(DateTimeOffset.UnixEpoch, null), null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(["cart-a/1", "cart-b/1", "cart-a/2", "cart-b/2"], _published);
    }

    private static FeedEntry Entry(string cartId, long version)
    {
        var record = new OutboxRecord($"{cartId}/{version}", "ItemsAddedToCart", 1, DateTimeOffset.UnixEpoch, cartId, version, 0, "corr", "{}");
        return FeedEntry.Readable($"{cartId}/{version}", record, "{}");
    }

    private static DeadLetter Letter(string cartId, long version) =>
        new($"{cartId}/{version}", $"receipt-{cartId}/{version}", Entry(cartId, version), "gave up", DateTimeOffset.UnixEpoch);

    /// <summary>Records synchronously (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(List<OperationProgress> seen) : IProgress<OperationProgress>
    {
        public void Report(OperationProgress value) => seen.Add(value);
    }
}
