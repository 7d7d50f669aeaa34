using System.Net;
using ShoppingCart.Api.Http;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Http;

public sealed class CorrelationIdTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _carts = new(api.CreateClient());

    [Fact]
    public async Task The_callers_correlation_id_is_echoed_in_the_response()
    {
        using var response = await _carts.CreateAsync("""{"customerId":"customer-1"}""", correlationId: "order-flow-42");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("order-flow-42", response.Headers.GetValues(CorrelationId.HeaderName).Single());
    }

    [Fact]
    public async Task A_request_without_one_gets_a_generated_id_in_the_response()
    {
        using var response = await _carts.GetAsync(Guid.NewGuid().ToString());

        var generated = response.Headers.GetValues(CorrelationId.HeaderName).Single();
        Assert.True(Guid.TryParse(generated, out _), generated);
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("line\u0001break")]
    [InlineData("ünïcödé")]
    public async Task An_unusable_id_is_replaced_by_a_generated_one(string callerValue)
    {
        using var response = await _carts.CreateAsync("""{"customerId":"customer-1"}""", correlationId: callerValue);

        var echoed = response.Headers.GetValues(CorrelationId.HeaderName).Single();
        Assert.NotEqual(callerValue, echoed);
        Assert.True(Guid.TryParse(echoed, out _), echoed);
    }

    [Fact]
    public async Task An_overlong_id_is_replaced_by_a_generated_one()
    {
        var callerValue = new string('x', CorrelationId.MaxLength + 1);

        using var response = await _carts.CreateAsync("""{"customerId":"customer-1"}""", correlationId: callerValue);

        Assert.True(Guid.TryParse(response.Headers.GetValues(CorrelationId.HeaderName).Single(), out _));
    }

    [Fact]
    public async Task A_problem_answer_carries_the_id_in_its_header_and_body()
    {
        using var response = await _carts.CreateAsync("{not json", correlationId: "broken-client-1");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "request.invalid_body");
        Assert.Equal("broken-client-1", problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task The_id_goes_into_the_metadata_of_every_event_the_request_causes()
    {
        using var created = await _carts.CreateAsync("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":1}]}""", correlationId: "flow-create");
        var cart = await CartApi.ReadCartAsync(created);
        using var added = await _carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"pear","quantity":1}]}""", correlationId: "flow-add");
        using var checkedOut = await _carts.CheckoutAsync(cart.CartId, correlationId: "flow-checkout");

        Assert.Equal(["flow-create", "flow-add", "flow-checkout"], api.Stored.OutboxCorrelationIds(cart.CartId));
    }

    [Fact]
    public async Task Every_request_is_logged_with_its_correlation_id_as_a_structured_property()
    {
        using var response = await _carts.GetAsync(Guid.NewGuid().ToString(), correlationId: "logged-request-1");

        var answered = await api.Logs.SingleAsync(
            r => r.Category == typeof(RequestCorrelationMiddleware).FullName && Equals(r.ScopeProperties.GetValueOrDefault("CorrelationId"), "logged-request-1"),
            TimeSpan.FromSeconds(10));
        Assert.Equal(404, answered.Properties["StatusCode"]);
        Assert.Equal("GET", answered.Properties["Method"]);
    }
}
