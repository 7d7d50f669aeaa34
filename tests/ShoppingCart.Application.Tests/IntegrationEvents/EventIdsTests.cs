using ShoppingCart.Application.IntegrationEvents;

namespace ShoppingCart.Application.Tests.IntegrationEvents;

public class EventIdsTests
{
    private const string CartId = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    [Fact]
    public void The_same_cart_version_and_index_always_give_the_same_id()
    {
        Assert.Equal(EventIds.For(CartId, 3, 0), EventIds.For(CartId, 3, 0));
    }

    [Fact]
    public void Any_part_of_the_key_changes_the_id()
    {
        var ids = new[]
        {
            EventIds.For(CartId, 3, 0),
            EventIds.For(CartId, 4, 0),
            EventIds.For(CartId, 3, 1),
            EventIds.For("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c", 3, 0),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Ids_are_version_8_rfc_9562_uuids()
    {
        var id = Guid.Parse(EventIds.For(CartId, 1, 0));

        Assert.Equal(8, id.Version);
        Assert.Equal('8', EventIds.For(CartId, 1, 0)[14]);
        Assert.Contains(EventIds.For(CartId, 1, 0)[19], "89ab");
    }
}
