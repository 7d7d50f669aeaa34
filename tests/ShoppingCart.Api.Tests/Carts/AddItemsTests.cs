using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Carts;

public sealed class AddItemsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _carts = new(api.CreateClient());

    [Fact]
    public async Task Adding_items_merges_quantities_and_answers_the_next_version()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"apple","quantity":3},{"sku":"pear","quantity":1}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await CartApi.ReadCartAsync(response);
        Assert.Equal([new CartLineBody("apple", 5), new CartLineBody("pear", 1)], updated.Items);
        Assert.Equal(2, updated.Version);
        Assert.True(updated.UpdatedAt >= cart.UpdatedAt);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("1")]
    [InlineData("*")]
    public async Task An_if_match_with_the_current_version_lets_the_change_through(string ifMatch)
    {
        var cart = await _carts.CreateCartAsync(("apple", 1));

        using var response = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"apple","quantity":1}]}""", ifMatch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await CartApi.ReadCartAsync(response)).Version);
    }

    [Fact]
    public async Task A_stale_if_match_answers_412_and_changes_nothing()
    {
        var cart = await _carts.CreateCartAsync(("apple", 1));
        using var first = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"apple","quantity":1}]}""", "\"1\"");

        using var second = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"pear","quantity":1}]}""", "\"1\"");

        await Problem.AssertAsync(second, HttpStatusCode.PreconditionFailed, "cart.version_conflict");
        using var read = await _carts.GetAsync(cart.CartId);
        var current = await CartApi.ReadCartAsync(read);
        Assert.Equal(2, current.Version);
        Assert.Equal([new CartLineBody("apple", 2)], current.Items);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task A_malformed_if_match_answers_400_naming_the_header(string ifMatch)
    {
        var cart = await _carts.CreateCartAsync(("apple", 1));

        using var response = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"apple","quantity":1}]}""", ifMatch);

        await Problem.AssertFieldErrorsAsync(response, "request.invalid_if_match", "If-Match");
    }

    [Fact]
    public async Task Adding_to_an_unknown_cart_answers_404()
    {
        using var response = await _carts.AddItemsAsync(Guid.NewGuid().ToString(), """{"items":[{"sku":"apple","quantity":1}]}""");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "cart.not_found");
    }

    [Fact]
    public async Task Adding_to_a_checked_out_cart_answers_409()
    {
        var cart = await _carts.CreateCartAsync(("apple", 1));
        using var checkout = await _carts.CheckoutAsync(cart.CartId);

        using var response = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"apple","quantity":1}]}""");

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "cart.checked_out");
    }

    [Theory]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{}""")]
    public async Task Adding_no_items_answers_400(string body)
    {
        var cart = await _carts.CreateCartAsync(("apple", 1));

        using var response = await _carts.AddItemsAsync(cart.CartId, body);

        await Problem.AssertFieldErrorsAsync(response, "cart.no_items", "items");
    }

    [Fact]
    public async Task Going_over_the_line_limit_with_what_the_cart_already_holds_answers_400()
    {
        var cart = await _carts.CreateCartAsync([.. Enumerable.Repeat(("apple", 999), 10)]);

        using var response = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"apple","quantity":10}]}""");

        await Problem.AssertFieldErrorsAsync(response, "cart.line_quantity_limit", "items");
    }
}
