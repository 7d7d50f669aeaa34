using System.Net;
using System.Text;
using ShoppingCart.Api.Hosting;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Hosting;

public sealed class ApiGatewayPathBaseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Behind_an_API_Gateway_stage_the_location_keeps_the_stage_prefix()
    {
        using var response = await CreateAsync("""{"stage":"prod","path":"/prod/carts","httpMethod":"POST"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^/prod/carts/[0-9a-f-]{36}$", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("""{"path":"/carts"}""")]
    [InlineData("""{"path":"/other/thing"}""")]
    [InlineData("""{"path":42}""")]
    [InlineData("not json")]
    public async Task A_request_context_that_does_not_extend_the_path_changes_nothing(string requestContext)
    {
        using var response = await CreateAsync(requestContext);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^/carts/[0-9a-f-]{36}$", response.Headers.Location?.ToString());
    }

    private async Task<HttpResponseMessage> CreateAsync(string requestContext)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carts")
        {
            Content = new StringContent("""{"customerId":"customer-1"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(ApiGatewayPathBaseMiddleware.RequestContextHeader, requestContext);
        return await _client.SendAsync(request);
    }
}
