using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

public sealed class RestartEndToEndTests
{
    [Fact]
    public async Task After_a_clean_stop_the_next_start_has_the_same_carts_and_publishes_what_was_left_unpublished()
    {
        using var data = new TemporaryDirectory();
        var events = new EventLog(ApiProcess.EventLogPathIn(data.Path));
        var unreachableBus = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Every publish fails as retryable, and the relay keeps trying: the event stays in the outbox.
            ["ShoppingCart:Embedded:EventBus:FailureRate"] = "1",
            ["ShoppingCart:Embedded:Relay:MaxAttempts"] = "1000000",
        };

        CartBody cart;
        await using (var first = await ApiProcess.StartAsync(data.Path, unreachableBus))
        {
            using var client = first.CreateClient();
            cart = await new CartApi(client).CreateCartAsync(("apple", 3));
            Assert.Equal(0, await first.StopAsync());
        }

        Assert.Empty(events.ReadAll());
        await using var second = await ApiProcess.StartAsync(data.Path);
        using var secondClient = second.CreateClient();

        using var read = await new CartApi(secondClient).GetAsync(cart.CartId);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var reread = await CartApi.ReadCartAsync(read);
        Assert.Equal((cart.CustomerId, cart.Version, cart.CreatedAt), (reread.CustomerId, reread.Version, reread.CreatedAt));
        Assert.Equal(cart.Items, reread.Items);
        var published = await events.WaitUntilAsync(e => e.Count >= 1, TimeSpan.FromSeconds(30));
        var created = Assert.Single(published);
        Assert.Equal("CartCreated", created.GetProperty("detail-type").GetString());
        Assert.Equal(cart.CartId, created.GetProperty("detail").GetProperty("metadata").GetProperty("cartId").GetString());
    }

    [Fact]
    public async Task Under_the_lambda_web_adapter_kestrel_listens_on_AWS_LWA_PORT()
    {
        using var data = new TemporaryDirectory();
        await using var api = await ApiProcess.StartAsync(data.Path, lambdaWebAdapterPort: true);
        using var client = api.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Now listening on: http://0.0.0.0:{api.BaseAddress.Port}", api.Output, StringComparison.Ordinal);
    }
}
