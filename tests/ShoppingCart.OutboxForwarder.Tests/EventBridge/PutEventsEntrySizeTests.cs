using ShoppingCart.Infrastructure.Aws.EventBridge;

namespace ShoppingCart.OutboxForwarder.Tests.EventBridge;

/// <summary>Entry size exactly as the EventBridge user guide computes it.</summary>
public sealed class PutEventsEntrySizeTests
{
    private static readonly PutEventsRequestEntry Entry = new()
    {
        Source = "shopping-cart",                 // 13 bytes
        DetailType = "CartCreated",               // 11 bytes
        Detail = """{"a":"é€😀"}""",               // 8 ASCII + 2 + 3 + 4 = 17 bytes
        EventBusName = "a-bus-name-that-does-not-count",
    };

    [Fact]
    public void Source_detail_type_and_detail_count_as_their_utf8_bytes()
    {
        Assert.Equal(13 + 11 + 17, PutEventsEntrySize.Of(Entry));
    }

    [Fact]
    public void A_time_counts_as_fourteen_bytes()
    {
        Assert.Equal(13 + 11 + 17 + 14, PutEventsEntrySize.Of(Entry with { Time = DateTimeOffset.UnixEpoch }));
    }

    [Fact]
    public void Each_resource_counts_as_its_utf8_bytes()
    {
        Assert.Equal(13 + 11 + 17 + 5 + 6, PutEventsEntrySize.Of(Entry with { Resources = ["arn:1", "arn:é"] }));
    }

    [Fact]
    public void The_limit_is_256_kilobytes()
    {
        Assert.Equal(262_144, PutEventsEntrySize.MaxBytes);
        Assert.Equal(10, PutEventsEntrySize.MaxEntriesPerRequest);
    }
}
