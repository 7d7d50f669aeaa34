using System.Net;
using System.Text.Json;
using ShoppingCart.Api.Tests.Support;
using ShoppingCart.Application.Carts.CreateCart;

namespace ShoppingCart.Api.Tests.Carts;

/// <summary>
/// The owner of a cart is the caller who created it. Another customer's cart does not exist for you: every route
/// answers exactly what it answers for an unknown id, and writes and publishes nothing.
/// </summary>
public sealed class OwnershipTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CartApi _owner = new(api.CreateClientAs("owner-1"));
    private readonly CartApi _stranger = new(api.CreateClientAs("stranger-2"));

    public static TheoryData<string> Routes => new() { "get", "add", "remove", "checkout" };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_customers_cart_answers_404_exactly_like_an_unknown_cart_and_nothing_changes(string route)
    {
        var cart = await CreateOwnedCartAsync();
        var writes = (api.Stored.CartCount(), api.Stored.OutboxCount());
        var unknownId = Guid.NewGuid().ToString();

        using var foreign = await SendAsync(_stranger, route, cart.CartId);
        using var unknown = await SendAsync(_stranger, route, unknownId);

        var foreignProblem = await Problem.AssertAsync(foreign, HttpStatusCode.NotFound, "cart.not_found");
        var unknownProblem = await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "cart.not_found");
        Assert.Equal(Shape(unknownProblem).Replace(unknownId, "ID", StringComparison.Ordinal), Shape(foreignProblem).Replace(cart.CartId, "ID", StringComparison.Ordinal));
        Assert.Equal(unknown.Headers.Select(h => h.Key).Order(StringComparer.Ordinal), foreign.Headers.Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.Equal(writes, (api.Stored.CartCount(), api.Stored.OutboxCount()));
        using var mine = await _owner.GetAsync(cart.CartId);
        Assert.Equal(cart.Version, (await CartApi.ReadCartAsync(mine)).Version);
    }

    [Fact]
    public async Task The_owner_still_reaches_their_cart_on_every_route()
    {
        var cart = await CreateOwnedCartAsync();

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_owner, "add", cart.CartId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_owner, "remove", cart.CartId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_owner, "checkout", cart.CartId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_owner, "get", cart.CartId)).StatusCode);
    }

    [Fact]
    public async Task Creating_a_cart_for_another_customer_is_403_customer_mismatch_and_writes_nothing()
    {
        var writes = (api.Stored.CartCount(), api.Stored.OutboxCount());

        using var response = await _stranger.CreateAsync("""{"customerId":"owner-1","items":[{"sku":"apple","quantity":1}]}""");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden, CreateCartHandler.CustomerMismatchCode);
        Assert.Equal(writes, (api.Stored.CartCount(), api.Stored.OutboxCount()));
    }

    [Fact]
    public async Task A_body_naming_the_caller_is_accepted_for_existing_clients()
    {
        using var response = await _owner.CreateAsync("""{"customerId":"owner-1"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("owner-1", (await CartApi.ReadCartAsync(response)).CustomerId);
    }

    private async Task<CartBody> CreateOwnedCartAsync()
    {
        using var response = await _owner.CreateAsync("""{"items":[{"sku":"apple","quantity":3}]}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await CartApi.ReadCartAsync(response);
    }

    private static Task<HttpResponseMessage> SendAsync(CartApi client, string route, string cartId) => route switch
    {
        "get" => client.GetAsync(cartId),
        "add" => client.AddItemsAsync(cartId, """{"items":[{"sku":"pear","quantity":1}]}"""),
        "remove" => client.RemoveAsync(cartId, "apple", 1),
        "checkout" => client.CheckoutAsync(cartId),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    /// <summary>The problem without what differs per request (trace and correlation ids).</summary>
    private static string Shape(JsonElement problem) =>
        string.Join('|', problem.EnumerateObject().Where(p => p.Name is not ("traceId" or "correlationId")).Select(p => $"{p.Name}={p.Value}"));
}
