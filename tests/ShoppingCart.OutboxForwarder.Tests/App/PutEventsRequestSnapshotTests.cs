using Snapshooter;
using Snapshooter.Xunit;
using ShoppingCart.OutboxForwarder.Tests.Support;

namespace ShoppingCart.OutboxForwarder.Tests.App;

/// <summary>
/// The exact PutEvents request body for each event type, from a real cart's outbox record through the whole app. The
/// entry is the public contract consumers match on (source, detail-type, detail): a change here must be deliberate.
/// </summary>
public sealed class PutEventsRequestSnapshotTests : IDisposable
{
    private readonly EventBridgeStub _eventBridge = new();
    private readonly SqsStub _deadLetters = new();

    public void Dispose()
    {
        _eventBridge.Dispose();
        _deadLetters.Dispose();
    }

    [Theory]
    [InlineData(0, "CartCreated")]
    [InlineData(1, "ItemsAddedToCart")]
    [InlineData(2, "ItemsRemovedFromCart")]
    [InlineData(3, "CartCheckedOut")]
    public async Task The_put_events_request_for_each_event_type_is_exactly_as_recorded(int story, string eventType)
    {
        var record = CartStories.FullHistory(1)[story];
        Assert.Equal(eventType, record.EventType);
        using var app = new ForwarderApp(_eventBridge, _deadLetters);

        using var response = await app.PostEventAsync(new StreamEventBuilder().Insert(record).Build());

        response.EnsureSuccessStatusCode();
        var call = Assert.Single(_eventBridge.Received);
        Snapshot.Match(call.Body, SnapshotNameExtension.Create(eventType));
    }
}
