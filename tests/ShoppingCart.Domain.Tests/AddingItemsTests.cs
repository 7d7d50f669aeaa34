using ShoppingCart.Domain.Carts;
using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Domain.Tests;

public class AddingItemsTests
{
    [Fact]
    public void Adding_a_new_sku_appends_a_line_bumps_the_version_and_raises_ItemsAddedToCart()
    {
        var cart = CartFactory.Stored(("A-1", 1));

        var result = cart.AddItems(CartFactory.Items(("B-2", 3)), CartFactory.Later);

        Assert.True(result.IsSuccess);
        Assert.Equal([CartFactory.Line("A-1", 1), CartFactory.Line("B-2", 3)], cart.Lines);
        Assert.Equal(2, cart.Version);
        Assert.Equal(1, cart.PersistedVersion);
        Assert.Equal(CartFactory.Later, cart.UpdatedAt);
        var added = Assert.IsType<ItemsAddedToCart>(Assert.Single(cart.PendingEvents));
        Assert.Equal(2, added.CartVersion);
        Assert.Equal(CartFactory.Later, added.OccurredAt);
        Assert.Equal([new CartLineChange(Sku.FromTrusted("B-2"), 3, 3)], added.Changes);
    }

    [Fact]
    public void Changes_made_before_a_save_all_expect_the_loaded_version_until_the_save_is_marked()
    {
        var cart = CartFactory.Rehydrated(("A-1", 1));

        Assert.True(cart.AddItems(CartFactory.Items(("B-2", 1)), CartFactory.Later).IsSuccess);
        Assert.True(cart.RemoveLine(Sku.FromTrusted("A-1"), CartFactory.Later).IsSuccess);

        Assert.Equal((7L, 9L), (cart.PersistedVersion, cart.Version));
        cart.MarkPersisted();
        Assert.Equal((9L, 9L), (cart.PersistedVersion, cart.Version));
        Assert.Empty(cart.PendingEvents);
    }

    [Fact]
    public void Adding_an_existing_sku_merges_the_quantity_into_its_line()
    {
        var cart = CartFactory.Stored(("A-1", 2));

        cart.AddItems(CartFactory.Items(("A-1", 5)), CartFactory.Later);

        Assert.Equal([CartFactory.Line("A-1", 7)], cart.Lines);
        var added = Assert.IsType<ItemsAddedToCart>(Assert.Single(cart.PendingEvents));
        Assert.Equal([new CartLineChange(Sku.FromTrusted("A-1"), 5, 7)], added.Changes);
    }

    [Fact]
    public void Skus_are_case_sensitive()
    {
        var cart = CartFactory.Stored(("abc", 1));

        cart.AddItems(CartFactory.Items(("ABC", 1)), CartFactory.Later);

        Assert.Equal(2, cart.Lines.Count);
    }

    [Fact]
    public void A_line_may_reach_exactly_the_line_limit()
    {
        var cart = CartFactory.Rehydrated(("A", CartLimits.MaxLineQuantity - CartLimits.MaxRequestedQuantity));

        Assert.True(cart.AddItems(CartFactory.Items(("A", CartLimits.MaxRequestedQuantity)), CartFactory.Later).IsSuccess);
        Assert.Equal(CartLimits.MaxLineQuantity, cart.QuantityOf(Sku.FromTrusted("A")));
    }

    [Fact]
    public void Adding_past_the_line_limit_is_refused_and_changes_nothing()
    {
        var cart = CartFactory.Rehydrated(("A", CartLimits.MaxLineQuantity - 1), ("B", 1));

        var result = cart.AddItems(CartFactory.Items(("B", 1), ("A", 2)), CartFactory.Later);

        AssertRefusedUnchanged(cart, result, CartErrors.LineQuantityLimitCode, ErrorKind.Validation, [CartFactory.Line("A", CartLimits.MaxLineQuantity - 1), CartFactory.Line("B", 1)]);
    }

    [Fact]
    public void Adding_a_101st_distinct_sku_is_refused_and_changes_nothing()
    {
        var items = Enumerable.Range(0, CartLimits.MaxLines).Select(i => ($"SKU-{i}", 1)).ToArray();
        var cart = CartFactory.Stored(items);
        var before = cart.Lines.ToArray();

        var result = cart.AddItems(CartFactory.Items(("SKU-0", 1), ("ONE-MORE", 1)), CartFactory.Later);

        AssertRefusedUnchanged(cart, result, CartErrors.LineCountLimitCode, ErrorKind.Validation, before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1000)]
    public void Adding_a_quantity_outside_the_requested_range_is_refused(int quantity)
    {
        var cart = CartFactory.Stored(("A", 1));

        var result = cart.AddItems([CartFactory.Item("A", 1), CartFactory.Item("B", quantity)], CartFactory.Later);

        AssertRefusedUnchanged(cart, result, CartErrors.InvalidQuantityCode, ErrorKind.Validation, [CartFactory.Line("A", 1)]);
        Assert.Contains("items[1].quantity", result.Error!.FieldErrors.Keys);
    }

    [Fact]
    public void Adding_nothing_is_refused()
    {
        var cart = CartFactory.Stored(("A", 1));

        var result = cart.AddItems([], CartFactory.Later);

        AssertRefusedUnchanged(cart, result, CartErrors.NoItemsCode, ErrorKind.Validation, [CartFactory.Line("A", 1)]);
    }

    [Fact]
    public void Adding_to_a_checked_out_cart_is_refused()
    {
        var cart = CartFactory.CheckedOut();
        var before = cart.Lines.ToArray();

        var result = cart.AddItems(CartFactory.Items(("A-1", 1)), CartFactory.Later);

        AssertRefusedUnchanged(cart, result, CartErrors.CheckedOutCode, ErrorKind.RuleViolation, before);
    }

    internal static void AssertRefusedUnchanged(Cart cart, Result result, string code, ErrorKind kind, IReadOnlyList<CartLine> expectedLines)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(expectedLines, cart.Lines);
        Assert.Equal(cart.PersistedVersion, cart.Version);
        Assert.Empty(cart.PendingEvents);
    }
}
