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
        Assert.Equal(CartFactory.Now, cart.CreatedAt);
        Assert.Equal(CartFactory.Now, cart.UpdatedAt);
        var created = Assert.IsType<CartCreated>(Assert.Single(cart.PendingEvents));
        Assert.Equal(1, created.CartVersion);
        Assert.Equal(cart.Id, created.CartId);
        Assert.Equal(CartFactory.Customer, created.CustomerId);
        Assert.Equal(CartFactory.Now, created.OccurredAt);
        Assert.Equal([CartFactory.Line("A-1", 2), CartFactory.Line("B-2", 1)], created.Lines);
    }

    [Fact]
    public void A_cart_can_be_created_empty()
    {
        var cart = CartFactory.Create();

        Assert.Empty(cart.Lines);
        Assert.Empty(Assert.IsType<CartCreated>(Assert.Single(cart.PendingEvents)).Lines);
    }

    [Fact]
    public void Repeated_skus_in_the_initial_items_are_merged_in_first_seen_order()
    {
        var cart = CartFactory.Create(("A-1", 2), ("B-2", 1), ("A-1", 3));

        Assert.Equal([CartFactory.Line("A-1", 5), CartFactory.Line("B-2", 1)], cart.Lines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(CartLimits.MaxRequestedQuantity + 1)]
    public void Creation_refuses_a_quantity_outside_the_requested_range(int quantity)
    {
        var result = Cart.Create(CartFactory.NewId(), CartFactory.Customer, [CartFactory.Item("A", quantity)], CartFactory.Now);

        Assert.False(result.IsSuccess);
        Assert.Equal(CartErrors.InvalidQuantityCode, result.Error.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Contains("items[0].quantity", result.Error.FieldErrors.Keys);
    }

    [Fact]
    public void Creation_accepts_the_largest_requested_quantity()
    {
        var cart = CartFactory.Create(("A", CartLimits.MaxRequestedQuantity));

        Assert.Equal(CartLimits.MaxRequestedQuantity, cart.QuantityOf(Sku.FromTrusted("A")));
    }

    [Fact]
    public void Creation_refuses_repeated_skus_that_together_exceed_the_line_limit()
    {
        var items = Enumerable.Repeat(CartFactory.Item("A", CartLimits.MaxRequestedQuantity), 11).ToArray();

        var result = Cart.Create(CartFactory.NewId(), CartFactory.Customer, items, CartFactory.Now);

        Assert.Equal(CartErrors.LineQuantityLimitCode, result.Error?.Code);
    }

    [Fact]
    public void Creation_refuses_more_distinct_skus_than_the_line_limit()
    {
        var items = Enumerable.Range(0, CartLimits.MaxLines + 1).Select(i => CartFactory.Item($"SKU-{i}", 1)).ToArray();

        var result = Cart.Create(CartFactory.NewId(), CartFactory.Customer, items, CartFactory.Now);

        Assert.Equal(CartErrors.LineCountLimitCode, result.Error?.Code);
    }

    [Fact]
    public void Creation_accepts_exactly_the_line_limit()
    {
        var items = Enumerable.Range(0, CartLimits.MaxLines).Select(i => CartFactory.Item($"SKU-{i}", 1)).ToArray();

        var result = Cart.Create(CartFactory.NewId(), CartFactory.Customer, items, CartFactory.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(CartLimits.MaxLines, result.Value.Lines.Count);
    }

    [Fact]
    public void An_uninitialised_sku_is_refused_rather_than_stored()
    {
        var result = Cart.Create(CartFactory.NewId(), CartFactory.Customer, [new SkuQuantity(default, 1)], CartFactory.Now);

        Assert.Equal(CartErrors.InvalidSkuCode, result.Error?.Code);
        Assert.Contains("items[0].sku", result.Error!.FieldErrors.Keys);
    }
}
