using ShoppingCart.Domain.Carts;
using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Domain.Tests;

public class RemovingItemsTests
{
    [Fact]
    public void Removing_part_of_a_line_lowers_its_quantity_and_raises_ItemsRemovedFromCart()
    {
        var cart = CartFactory.Stored(("A", 5), ("B", 1));

        var result = cart.RemoveItems(CartFactory.Items(("A", 2)), CartFactory.Later);

        Assert.True(result.IsSuccess);
        Assert.Equal([CartFactory.Line("A", 3), CartFactory.Line("B", 1)], cart.Lines);
        Assert.Equal(2, cart.Version);
        var removed = Assert.IsType<ItemsRemovedFromCart>(Assert.Single(cart.PendingEvents));
        Assert.Equal(2, removed.CartVersion);
        Assert.Equal([new CartLineChange(Sku.FromTrusted("A"), 2, 3)], removed.Changes);
    }

    [Fact]
    public void A_line_removed_down_to_zero_disappears()
    {
        var cart = CartFactory.Stored(("A", 5), ("B", 1));

        cart.RemoveItems(CartFactory.Items(("A", 5)), CartFactory.Later);

        Assert.Equal([CartFactory.Line("B", 1)], cart.Lines);
        var removed = Assert.IsType<ItemsRemovedFromCart>(Assert.Single(cart.PendingEvents));
        Assert.Equal([new CartLineChange(Sku.FromTrusted("A"), 5, 0)], removed.Changes);
    }

    [Fact]
    public void Removing_more_than_the_cart_holds_is_refused_not_clamped()
    {
        var cart = CartFactory.Stored(("A", 2));

        var result = cart.RemoveItems(CartFactory.Items(("A", 3)), CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.InsufficientQuantityCode, ErrorKind.RuleViolation, [CartFactory.Line("A", 2)]);
    }

    [Fact]
    public void Repeated_skus_in_one_removal_count_together()
    {
        var cart = CartFactory.Stored(("A", 3));

        var result = cart.RemoveItems(CartFactory.Items(("A", 2), ("A", 2)), CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.InsufficientQuantityCode, ErrorKind.RuleViolation, [CartFactory.Line("A", 3)]);
    }

    [Fact]
    public void Removing_a_sku_the_cart_does_not_hold_is_not_found()
    {
        var cart = CartFactory.Stored(("A", 3));

        var result = cart.RemoveItems(CartFactory.Items(("A", 1), ("Z", 1)), CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.LineNotFoundCode, ErrorKind.NotFound, [CartFactory.Line("A", 3)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Removing_a_quantity_outside_the_requested_range_is_refused(int quantity)
    {
        var cart = CartFactory.Stored(("A", 3));

        var result = cart.RemoveItems([CartFactory.Item("A", quantity)], CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.InvalidQuantityCode, ErrorKind.Validation, [CartFactory.Line("A", 3)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Removing_units_of_one_sku_reports_a_bad_quantity_as_the_quantity_field_not_a_list_entry(int quantity)
    {
        var cart = CartFactory.Stored(("A", 3));

        var result = cart.RemoveUnits(Sku.FromTrusted("A"), quantity, CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.InvalidQuantityCode, ErrorKind.Validation, [CartFactory.Line("A", 3)]);
        Assert.Equal(["quantity"], result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void Removing_units_of_one_sku_removes_them_like_a_one_item_list()
    {
        var cart = CartFactory.Stored(("A", 3));

        Assert.True(cart.RemoveUnits(Sku.FromTrusted("A"), 2, CartFactory.Later).IsSuccess);

        Assert.Equal([CartFactory.Line("A", 1)], cart.Lines);
        Assert.IsType<ItemsRemovedFromCart>(Assert.Single(cart.PendingEvents));
    }

    [Fact]
    public void Removing_a_whole_line_takes_every_unit_whatever_the_quantity()
    {
        var cart = CartFactory.Stored(("A", 999), ("B", 2));
        cart.AddItems(CartFactory.Items(("A", 999)), CartFactory.Now);
        cart.MarkPersisted();

        var result = cart.RemoveLine(Sku.FromTrusted("A"), CartFactory.Later);

        Assert.True(result.IsSuccess);
        Assert.Equal([CartFactory.Line("B", 2)], cart.Lines);
        var removed = Assert.IsType<ItemsRemovedFromCart>(Assert.Single(cart.PendingEvents));
        Assert.Equal([new CartLineChange(Sku.FromTrusted("A"), 1998, 0)], removed.Changes);
        Assert.Equal(3, removed.CartVersion);
    }

    [Fact]
    public void Removing_a_line_the_cart_does_not_hold_is_not_found()
    {
        var cart = CartFactory.Stored(("A", 1));

        var result = cart.RemoveLine(Sku.FromTrusted("B"), CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.LineNotFoundCode, ErrorKind.NotFound, [CartFactory.Line("A", 1)]);
    }

    [Fact]
    public void Removing_from_a_checked_out_cart_is_refused()
    {
        var cart = CartFactory.CheckedOut();

        AddingItemsTests.AssertRefusedUnchanged(
            cart, cart.RemoveItems(CartFactory.Items(("A-1", 1)), CartFactory.Later), CartErrors.CheckedOutCode, ErrorKind.RuleViolation, [CartFactory.Line("A-1", 1)]);
        AddingItemsTests.AssertRefusedUnchanged(
            cart, cart.RemoveLine(Sku.FromTrusted("A-1"), CartFactory.Later), CartErrors.CheckedOutCode, ErrorKind.RuleViolation, [CartFactory.Line("A-1", 1)]);
    }
}
