using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Domain.Tests;

public class CartCreationTests
{
    [Fact]
    public void A_new_cart_is_open_at_version_one_and_raises_CartCreated()
    {
        var cart = CartFactory.Create(("A-1", 2), ("B-2", 1));

        Assert.Equal(CartStatus.Open, cart.Status);
        Assert.Equal(1, cart.Version);
        Assert.Equal(0, cart.PersistedVersion);
        var created = Assert.IsType<CartCreated>(Assert.Single(cart.PendingEvents));
        Assert.Equal(1, created.CartVersion);
        Assert.Equal(cart.Id, created.CartId);
        Assert.Equal([new CartLine(Sku.FromTrusted("A-1"), 2), new CartLine(Sku.FromTrusted("B-2"), 1)], created.Lines);
    }

    [Fact]
    public void A_cart_can_be_created_empty()
    {
        var cart = CartFactory.Create();

        Assert.Empty(cart.Lines);
        Assert.IsType<CartCreated>(Assert.Single(cart.PendingEvents));
    }

    [Fact]
    public void Repeated_skus_in_the_initial_items_are_merged()
    {
        var cart = CartFactory.Create(("A-1", 2), ("A-1", 3));

        Assert.Equal([new CartLine(Sku.FromTrusted("A-1"), 5)], cart.Lines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(CartLimits.MaxRequestedQuantity + 1)]
    public void Creation_refuses_a_quantity_outside_the_requested_range(int quantity)
    {
        var result = Cart.Create(CartFactory.NewId(), CartFactory.Customer, [new CartItem(Sku.FromTrusted("A"), quantity)], CartFactory.Now);

        Assert.False(result.IsSuccess);
        Assert.Equal(CartErrors.InvalidQuantityCode, result.Error.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Contains("items[0].quantity", result.Error.FieldErrors.Keys);
    }
}
