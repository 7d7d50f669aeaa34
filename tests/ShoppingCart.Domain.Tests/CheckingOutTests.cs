using ShoppingCart.Domain.Carts;
using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Domain.Tests;

public class CheckingOutTests
{
    [Fact]
    public void Checking_out_an_open_cart_with_lines_closes_it_and_raises_CartCheckedOut()
    {
        var cart = CartFactory.Stored(("A", 2), ("B", 1));

        var result = cart.CheckOut(CartFactory.Later);

        Assert.True(result.IsSuccess);
        Assert.Equal(CartStatus.CheckedOut, cart.Status);
        Assert.Equal(2, cart.Version);
        Assert.Equal(CartFactory.Later, cart.UpdatedAt);
        var checkedOut = Assert.IsType<CartCheckedOut>(Assert.Single(cart.PendingEvents));
        Assert.Equal(2, checkedOut.CartVersion);
        Assert.Equal(CartFactory.Customer, checkedOut.CustomerId);
        Assert.Equal([CartFactory.Line("A", 2), CartFactory.Line("B", 1)], checkedOut.Lines);
    }

    [Fact]
    public void An_empty_cart_cannot_be_checked_out()
    {
        var cart = CartFactory.Stored();

        var result = cart.CheckOut(CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.EmptyCode, ErrorKind.RuleViolation, []);
        Assert.Equal(CartStatus.Open, cart.Status);
    }

    [Fact]
    public void A_cart_emptied_by_removals_cannot_be_checked_out()
    {
        var cart = CartFactory.Stored(("A", 1));
        cart.RemoveLine(Sku.FromTrusted("A"), CartFactory.Now);
        cart.MarkPersisted();

        Assert.Equal(CartErrors.EmptyCode, cart.CheckOut(CartFactory.Later).Error?.Code);
    }

    [Fact]
    public void A_checked_out_cart_cannot_be_checked_out_again()
    {
        var cart = CartFactory.CheckedOut();

        var result = cart.CheckOut(CartFactory.Later);

        AddingItemsTests.AssertRefusedUnchanged(cart, result, CartErrors.CheckedOutCode, ErrorKind.RuleViolation, [CartFactory.Line("A-1", 1)]);
        Assert.Equal(CartStatus.CheckedOut, cart.Status);
    }
}
