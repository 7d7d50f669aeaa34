using System.Net;
using System.Text;
using ShoppingCart.Api.Http;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Http;

/// <summary>Requests the framework refuses before a use case runs: each gets a problem document, never an empty body or a 500.</summary>
public sealed class RequestErrorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _carts = new(api.CreateClient());

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_answers_415(string mediaType)
    {
        using var content = new StringContent("""{"customerId":"customer-1"}""", Encoding.UTF8, mediaType);

        using var response = await _carts.Client.PostAsync(new Uri("/carts", UriKind.Relative), content);

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, ApiProblems.UnsupportedMediaTypeCode);
    }

    [Fact]
    public async Task Adding_items_with_a_body_that_is_not_json_answers_415()
    {
        var cart = await _carts.CreateCartAsync(("apple", 1));
        using var content = new StringContent("sku=apple&quantity=1", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _carts.Client.PostAsync(new Uri($"/carts/{cart.CartId}/items", UriKind.Relative), content);

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, ApiProblems.UnsupportedMediaTypeCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_before_it_is_read()
    {
        var padding = new string(' ', (int)RequestBodyLimitMiddleware.MaxBodyBytes);

        using var response = await _carts.CreateAsync($$"""{"customerId":"customer-1"{{padding}}}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, ApiProblems.BodyTooLargeCode);
        Assert.Contains("65536", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        var padding = new string(' ', (int)RequestBodyLimitMiddleware.MaxBodyBytes - 64);

        using var response = await _carts.CreateAsync($$"""{"customerId":"customer-1"{{padding}}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("""{"customerId":"customer-1",""", "body")]
    [InlineData("""{"customerId":5}""", "customerId")]
    [InlineData("""{"customerId":["customer-1"]}""", "customerId")]
    [InlineData("""{"customerId":"customer-1","items":{"sku":"apple"}}""", "items")]
    [InlineData("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":"2"}]}""", "items[0].quantity")]
    [InlineData("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":1.5}]}""", "items[0].quantity")]
    [InlineData("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":99999999999999999999}]}""", "items[0].quantity")]
    [InlineData("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":1,"colour":"red"}]}""", "items[0].colour")]
    [InlineData("""{"customerId":"customer-1","customerId":"customer-2"}""", "customerId")]
    [InlineData("""{"customerId":"\ud800"}""", "customerId")]
    [InlineData("[]", "body")]
    [InlineData("42", "body")]
    public async Task Malformed_json_or_a_wrong_type_answers_400_naming_where(string body, string field)
    {
        using var response = await _carts.CreateAsync(body);

        await Problem.AssertFieldErrorsAsync(response, ApiProblems.InvalidBodyCode, field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_missing_body_answers_400(string body)
    {
        using var response = await _carts.CreateAsync(body);

        await Problem.AssertFieldErrorsAsync(response, ApiProblems.InvalidBodyCode, "body");
    }

    [Fact]
    public async Task Invalid_utf8_answers_400()
    {
        using var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        using var response = await _carts.Client.PostAsync(new Uri("/carts", UriKind.Relative), content);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, ApiProblems.InvalidBodyCode);
    }

    [Fact]
    public async Task An_unknown_url_answers_404()
    {
        using var response = await _carts.Client.GetAsync(new Uri("/baskets", UriKind.Relative));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, ApiProblems.NotFoundCode);
    }

    [Fact]
    public async Task A_method_the_url_does_not_support_answers_405()
    {
        using var response = await _carts.Client.PutAsync(new Uri($"/carts/{Guid.NewGuid()}", UriKind.Relative), CartApi.Json("{}"));

        await Problem.AssertAsync(response, HttpStatusCode.MethodNotAllowed, ApiProblems.MethodNotAllowedCode);
    }

    [Fact]
    public async Task The_health_endpoint_answers_200()
    {
        using var response = await _carts.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
