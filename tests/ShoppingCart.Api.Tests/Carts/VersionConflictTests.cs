using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Api.Tests.Support;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Carts;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Api.Tests.Carts;

/// <summary>What a client sees when another request changes the cart between this request's read and its write.</summary>
public sealed class VersionConflictTests : IDisposable
{
    private readonly ApiFactory _api;
    private RacingCartStore? _store;

    public VersionConflictTests()
    {
        _api = new ApiFactory
        {
            TestServices = services =>
            {
                services.AddSingleton<SqliteCartStore>();
                services.AddSingleton<ICartStore>(provider =>
                    _store = new RacingCartStore(provider.GetRequiredService<SqliteCartStore>(), TimeProvider.System));
            },
        };
    }

    private RacingCartStore Store => _store ?? throw new InvalidOperationException("The store is created with the host.");

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Without_if_match_a_lost_race_is_retried_on_the_new_version_and_succeeds()
    {
        var carts = new CartApi(_api.CreateClient());
        var cart = await carts.CreateCartAsync(("apple", 1));
        Store.RacesToLose = 1;

        using var response = await carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"pear","quantity":2}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await CartApi.ReadCartAsync(response);
        Assert.Equal([new CartLineBody("apple", 1), new CartLineBody("rival", 1), new CartLineBody("pear", 2)], updated.Items);
        Assert.Equal(3, updated.Version);
        Assert.Equal(2, Store.SaveAttempts);
    }

    [Fact]
    public async Task Without_if_match_a_cart_that_keeps_changing_answers_409_after_a_bounded_number_of_retries()
    {
        var carts = new CartApi(_api.CreateClient());
        var cart = await carts.CreateCartAsync(("apple", 1));
        Store.RacesToLose = int.MaxValue;

        using var response = await carts.CheckoutAsync(cart.CartId);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "cart.version_conflict");
        Assert.Equal(CartUpdater.MaxAttempts, Store.SaveAttempts);
        Store.RacesToLose = 0;
        using var read = await carts.GetAsync(cart.CartId);
        Assert.Equal("Open", (await CartApi.ReadCartAsync(read)).Status);
    }

    [Fact]
    public async Task With_if_match_a_lost_race_answers_412_at_once()
    {
        var carts = new CartApi(_api.CreateClient());
        var cart = await carts.CreateCartAsync(("apple", 1));
        Store.RacesToLose = 1;

        using var response = await carts.RemoveAsync(cart.CartId, "apple", ifMatch: "\"1\"");

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "cart.version_conflict");
        Assert.Equal(1, Store.SaveAttempts);
    }
}
