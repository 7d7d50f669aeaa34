using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Carts;

/// <summary>GET /carts: the caller's carts and nobody else's, most recently updated first, a page at a time.</summary>
public sealed class ListCartsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_caller_sees_their_carts_most_recently_updated_first_and_never_anyone_elses()
    {
        var mine = new CartApi(api.CreateClientAs("lister-1"));
        var theirs = new CartApi(api.CreateClientAs("lister-2"));
        var first = await CreateAsync(mine);
        var second = await CreateAsync(mine);
        var third = await CreateAsync(mine);
        var foreign = await CreateAsync(theirs);
        Assert.Equal(HttpStatusCode.OK, (await mine.AddItemsAsync(first, """{"items":[{"sku":"pear","quantity":1}]}""")).StatusCode);

        var page = await ListAsync(mine, string.Empty);

        Assert.Equal([first, third, second], page.Items.Select(c => c.CartId));
        Assert.All(page.Items, c => Assert.Equal("lister-1", c.CustomerId));
        Assert.Null(page.NextCursor);
        Assert.Equal([foreign], (await ListAsync(theirs, string.Empty)).Items.Select(c => c.CartId));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_until_there_is_none()
    {
        var client = new CartApi(api.CreateClientAs("pager-1"));
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateAsync(client));
        }

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await ListAsync(client, "?limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(c => c.CartId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task The_default_page_holds_20_carts()
    {
        var client = new CartApi(api.CreateClientAs("many-1"));
        for (var i = 0; i < 21; i++)
        {
            await CreateAsync(client);
        }

        var page = await ListAsync(client, string.Empty);

        Assert.Equal(20, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task A_cursor_from_another_customer_still_lists_only_the_callers_carts()
    {
        var owner = new CartApi(api.CreateClientAs("cursor-owner"));
        var other = new CartApi(api.CreateClientAs("cursor-other"));
        var otherCart = await CreateAsync(other);
        await CreateAsync(owner);
        await CreateAsync(owner);
        var cursor = (await ListAsync(owner, "?limit=1")).NextCursor!;

        var page = await ListAsync(other, "?cursor=" + Uri.EscapeDataString(cursor));

        Assert.All(page.Items, c => Assert.Equal("cursor-other", c.CustomerId));
        Assert.Equal([otherCart], page.Items.Select(c => c.CartId));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?cursor=djF8eHx5", "cursor")]
    public async Task A_limit_outside_1_to_100_or_a_cursor_it_did_not_give_answers_400(string query, string field)
    {
        using var response = await new CartApi(api.CreateClient()).Client.GetAsync(new Uri("/carts" + query, UriKind.Relative));

        await Problem.AssertFieldErrorsAsync(response, "request.invalid_parameter", field);
    }

    private static async Task<string> CreateAsync(CartApi client)
    {
        using var response = await client.CreateAsync("""{"items":[{"sku":"apple","quantity":1}]}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await CartApi.ReadCartAsync(response)).CartId;
    }

    private static async Task<PageBody> ListAsync(CartApi client, string query)
    {
        using var response = await client.Client.GetAsync(new Uri("/carts" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<PageBody>(JsonSerializerOptions.Web))!;
    }

    private sealed record PageBody(IReadOnlyList<CartBody> Items, string? NextCursor);
}
