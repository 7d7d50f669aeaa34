using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Carts;

public sealed class CheckoutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _carts = new(api.CreateClient());

    [Fact]
    public async Task Checking_out_answers_200_with_the_checked_out_cart()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.CheckoutAsync(cart.CartId, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checkedOut = await CartApi.ReadCartAsync(response);
        Assert.Equal("CheckedOut", checkedOut.Status);
        Assert.Equal(2, checkedOut.Version);
        Assert.Equal(cart.Items, checkedOut.Items);
    }

    [Fact]
    public async Task Checking_out_an_empty_cart_answers_409()
    {
        var cart = await _carts.CreateCartAsync();

        using var response = await _carts.CheckoutAsync(cart.CartId);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "cart.empty");
    }

    [Fact]
    public async Task Checking_out_twice_answers_409_the_second_time()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));
        using var first = await _carts.CheckoutAsync(cart.CartId);

        using var second = await _carts.CheckoutAsync(cart.CartId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Problem.AssertAsync(second, HttpStatusCode.Conflict, "cart.checked_out");
    }

    [Fact]
    public async Task Checking_out_an_unknown_cart_answers_404()
    {
        using var response = await _carts.CheckoutAsync(Guid.NewGuid().ToString());

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "cart.not_found");
    }

    [Fact]
    public async Task Checking_out_with_a_stale_if_match_answers_412_and_leaves_the_cart_open()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));
        using var added = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"pear","quantity":1}]}""");

        using var response = await _carts.CheckoutAsync(cart.CartId, ifMatch: "\"1\"");

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "cart.version_conflict");
        using var read = await _carts.GetAsync(cart.CartId);
        Assert.Equal("Open", (await CartApi.ReadCartAsync(read)).Status);
    }

    [Fact]
    public async Task Checking_out_with_a_malformed_if_match_answers_400()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.CheckoutAsync(cart.CartId, ifMatch: "version-one");

        await Problem.AssertFieldErrorsAsync(response, "request.invalid_if_match", "If-Match");
    }
}
