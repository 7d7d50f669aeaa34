using System.Net;
using System.Text;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Carts;

public sealed class IdempotentCreateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();
    private readonly HttpClient _otherClient = api.CreateClientAs("customer-2");

    [Fact]
    public async Task A_retried_create_with_the_same_key_answers_the_same_cart_and_publishes_one_event()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await CreateAsync("customer-1", key);
        using var retry = await CreateAsync("customer-1", key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var cart = await CartApi.ReadCartAsync(first);
        var again = await CartApi.ReadCartAsync(retry);
        Assert.Equal(cart.CartId, again.CartId);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, again.Version);
        var events = await api.Events.WaitUntilAsync(log => log.Any(e => CartIdOf(e) == cart.CartId), TimeSpan.FromSeconds(30));
        Assert.Single(events, e => CartIdOf(e) == cart.CartId);
    }

    [Fact]
    public async Task The_same_key_from_another_customer_is_another_cart()
    {
        var key = Guid.NewGuid().ToString();

        var mine = await CartApi.ReadCartAsync(await CreateAsync("customer-1", key));
        var theirs = await CartApi.ReadCartAsync(await CreateAsync("customer-2", key));

        Assert.NotEqual(mine.CartId, theirs.CartId);
    }

    [Fact]
    public async Task An_unusable_key_answers_400_naming_it()
    {
        using var response = await CreateAsync("customer-1", new string('k', 129));

        await Problem.AssertFieldErrorsAsync(response, "request.invalid_idempotency_key", "idempotencyKey");
    }

    private static string? CartIdOf(System.Text.Json.JsonElement e) =>
        e.GetProperty("detail").GetProperty("metadata").GetProperty("cartId").GetString();

    private async Task<HttpResponseMessage> CreateAsync(string customerId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carts")
        {
            Content = new StringContent($$"""{"customerId":"{{customerId}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await (customerId == TestTokens.DefaultCustomer ? _client : _otherClient).SendAsync(request);
    }
}
