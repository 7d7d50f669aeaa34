using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Carts;

public sealed class GetCartTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _carts = new(api.CreateClient());

    [Fact]
    public async Task Reading_a_cart_answers_200_with_the_cart_and_its_version_as_etag()
    {
        var created = await _carts.CreateCartAsync(("apple", 2));

        using var response = await _carts.GetAsync(created.CartId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await CartApi.ReadCartAsync(response);
        Assert.Equal(created with { Items = read.Items }, read);
        Assert.Equal(created.Items, read.Items);
    }

    [Fact]
    public async Task An_unknown_cart_answers_404()
    {
        using var response = await _carts.GetAsync(Guid.NewGuid().ToString());

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "cart.not_found");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task A_cart_id_that_is_not_a_guid_answers_404_as_nothing_is_there(string cartId)
    {
        using var response = await _carts.GetAsync(cartId);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "request.not_found");
    }
}
