using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Carts;

public sealed class RemoveItemsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _carts = new(api.CreateClient());

    [Fact]
    public async Task Removing_some_units_lowers_the_line_quantity()
    {
        var cart = await _carts.CreateCartAsync(("apple", 5), ("pear", 1));

        using var response = await _carts.RemoveAsync(cart.CartId, "apple", quantity: 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await CartApi.ReadCartAsync(response);
        Assert.Equal([new CartLineBody("apple", 3), new CartLineBody("pear", 1)], updated.Items);
        Assert.Equal(2, updated.Version);
    }

    [Fact]
    public async Task Removing_without_a_quantity_removes_the_whole_line()
    {
        var cart = await _carts.CreateCartAsync(("apple", 5), ("pear", 1));

        using var response = await _carts.RemoveAsync(cart.CartId, "apple");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([new CartLineBody("pear", 1)], (await CartApi.ReadCartAsync(response)).Items);
    }

    [Fact]
    public async Task Removing_more_units_than_the_cart_holds_answers_409()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.RemoveAsync(cart.CartId, "apple", quantity: 3);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "cart.insufficient_quantity");
    }

    [Fact]
    public async Task Removing_a_sku_the_cart_does_not_hold_answers_404()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.RemoveAsync(cart.CartId, "kiwi");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "cart.line_not_found");
    }

    [Fact]
    public async Task Removing_from_an_unknown_cart_answers_404()
    {
        using var response = await _carts.RemoveAsync(Guid.NewGuid().ToString(), "apple");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "cart.not_found");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public async Task A_quantity_outside_the_limits_answers_400(int quantity)
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.RemoveAsync(cart.CartId, "apple", quantity);

        await Problem.AssertFieldErrorsAsync(response, "cart.invalid_quantity", "quantity");
    }

    [Theory]
    [InlineData("two")]
    [InlineData("99999999999")]
    [InlineData("1.5")]
    public async Task A_quantity_that_is_not_a_whole_number_answers_400_naming_the_parameter(string quantity)
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.Client.DeleteAsync(new Uri($"/carts/{cart.CartId}/items/apple?quantity={quantity}", UriKind.Relative));

        await Problem.AssertFieldErrorsAsync(response, "request.invalid_parameter", "quantity");
    }

    [Theory]
    [InlineData("bad sku")]
    [InlineData("äpfel")]
    [InlineData("a-sku-that-is-longer-than-sixty-four-characters-which-the-domain-refuses")]
    public async Task An_invalid_sku_answers_400(string sku)
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.RemoveAsync(cart.CartId, sku);

        await Problem.AssertFieldErrorsAsync(response, "cart.invalid_sku", "sku");
    }

    [Fact]
    public async Task A_stale_if_match_answers_412()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));
        using var first = await _carts.RemoveAsync(cart.CartId, "apple", quantity: 1, ifMatch: "\"1\"");

        using var second = await _carts.RemoveAsync(cart.CartId, "apple", quantity: 1, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Problem.AssertAsync(second, HttpStatusCode.PreconditionFailed, "cart.version_conflict");
    }
}
