using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Carts;

public sealed class CreateCartTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _carts = new(api.CreateClient());

    [Fact]
    public async Task Creating_a_cart_answers_201_with_its_location_version_etag_and_the_cart()
    {
        using var response = await _carts.CreateAsync("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":2},{"sku":"pear","quantity":1}]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cart = await CartApi.ReadCartAsync(response);
        Assert.Equal($"/carts/{cart.CartId}", response.Headers.Location?.ToString());
        Assert.True(Guid.TryParse(cart.CartId, out _));
        Assert.Equal("customer-1", cart.CustomerId);
        Assert.Equal("Open", cart.Status);
        Assert.Equal([new CartLineBody("apple", 2), new CartLineBody("pear", 1)], cart.Items);
        Assert.Equal(3, cart.TotalQuantity);
        Assert.Equal(1, cart.Version);
        Assert.Equal(cart.CreatedAt, cart.UpdatedAt);
    }

    [Fact]
    public async Task Items_are_optional_and_a_cart_without_them_is_empty()
    {
        using var response = await _carts.CreateAsync("""{"customerId":"customer-1"}""");

        var cart = await CartApi.ReadCartAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(cart.Items);
        Assert.Equal(0, cart.TotalQuantity);
    }

    [Fact]
    public async Task A_sku_sent_twice_becomes_one_line_with_the_summed_quantity()
    {
        var cart = await _carts.CreateCartAsync(("apple", 2), ("apple", 3));

        Assert.Equal([new CartLineBody("apple", 5)], cart.Items);
    }

    [Fact]
    public async Task A_cart_created_without_a_customer_id_belongs_to_the_caller()
    {
        using var response = await new CartApi(api.CreateClientAs("customer-8")).CreateAsync("""{"items":[{"sku":"apple","quantity":1}]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("customer-8", (await CartApi.ReadCartAsync(response)).CustomerId);
    }

    [Theory]
    [InlineData("""{"customerId":""}""")]
    [InlineData("""{"customerId":" padded "}""")]
    [InlineData("""{"customerId":"tab\there"}""")]
    [InlineData("""{"customerId":"a-customer-id-that-is-longer-than-the-sixty-four-characters-allowed"}""")]
    public async Task An_unusable_customer_id_answers_400_naming_the_field(string body)
    {
        using var response = await _carts.CreateAsync(body);

        await Problem.AssertFieldErrorsAsync(response, "cart.invalid_customer_id", "customerId");
    }

    [Theory]
    [InlineData("""[{"sku":"apple","quantity":0}]""", "cart.invalid_quantity", "items[0].quantity")]
    [InlineData("""[{"sku":"apple","quantity":1000}]""", "cart.invalid_quantity", "items[0].quantity")]
    [InlineData("""[{"sku":"apple","quantity":1},{"sku":"bad sku","quantity":1}]""", "cart.invalid_sku", "items[1].sku")]
    [InlineData("""[{"sku":"äpfel","quantity":1}]""", "cart.invalid_sku", "items[0].sku")]
    [InlineData("""[{"quantity":1}]""", "cart.invalid_sku", "items[0].sku")]
    public async Task An_invalid_item_answers_400_naming_its_json_path(string items, string code, string field)
    {
        using var response = await _carts.CreateAsync($$"""{"customerId":"customer-1","items":{{items}}}""");

        await Problem.AssertFieldErrorsAsync(response, code, field);
    }

    [Fact]
    public async Task A_null_item_answers_400_naming_its_position()
    {
        using var response = await _carts.CreateAsync("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":1},null]}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"items[1]\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_units_of_a_sku_than_a_line_may_hold_answers_400_from_the_domain_limit()
    {
        var items = CartApi.Items([.. Enumerable.Repeat(("apple", 999), 11)]);

        using var response = await _carts.CreateAsync($$"""{"customerId":"customer-1","items":{{items}}}""");

        await Problem.AssertFieldErrorsAsync(response, "cart.line_quantity_limit", "items");
    }

    [Fact]
    public async Task More_distinct_skus_than_a_cart_may_hold_answers_400()
    {
        var items = CartApi.Items([.. Enumerable.Range(0, 101).Select(i => ($"sku-{i}", 1))]);

        using var response = await _carts.CreateAsync($$"""{"customerId":"customer-1","items":{{items}}}""");

        await Problem.AssertFieldErrorsAsync(response, "cart.line_count_limit", "items");
    }
}
