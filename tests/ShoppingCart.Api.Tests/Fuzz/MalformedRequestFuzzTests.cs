using System.Net;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Fuzz;

public sealed class MalformedRequestFuzzTests
{
    /// <summary>Fixed, so a failure reproduces exactly; change it to explore other inputs.</summary>
    private const int Seed = 20_260_430;
    private const int RequestCount = 400;

    [Fact]
    public async Task Hundreds_of_malformed_requests_all_answer_4xx_problems_and_write_and_publish_nothing()
    {
        await using var api = new ApiFactory();
        using var client = api.CreateClient();
        var cart = await new CartApi(client).CreateCartAsync(("apple", 2));
        await api.Events.WaitUntilAsync(events => events.Count == 1, TimeSpan.FromSeconds(30));
        var requests = new MalformedRequests(new Random(Seed), cart.CartId);
        var wrong = new List<string>();

        for (var i = 0; i < RequestCount; i++)
        {
            var request = requests.Next();
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"#{i} {request} -> {status} {response.Content.Headers.ContentType}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal((1, 1), (api.Stored.CartCount(), api.Stored.OutboxCount()));
        using var read = await new CartApi(client).GetAsync(cart.CartId);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var unchanged = await CartApi.ReadCartAsync(read);
        Assert.Equal((1L, "Open"), (unchanged.Version, unchanged.Status));
        Assert.Equal([new CartLineBody("apple", 2)], unchanged.Items);
        Assert.Single(api.Events.ReadAll());
    }
}
