using System.Net;
using System.Text.Json;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.OpenApi;

/// <summary>The published contract says what the endpoints do; the other tests show that they do it.</summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, int[]> Operations => new()
    {
        { "get", "/carts", [200, 400, 401, 503] },
        { "post", "/carts", [201, 400, 401, 403, 413, 415, 503] },
        { "get", "/carts/{cartId}", [200, 401, 404, 503] },
        { "post", "/carts/{cartId}/items", [200, 400, 401, 404, 409, 412, 413, 415, 503] },
        { "delete", "/carts/{cartId}/items/{sku}", [200, 400, 401, 404, 409, 412, 503] },
        { "post", "/carts/{cartId}/checkout", [200, 400, 401, 404, 409, 412, 503] },
    };

    /// <summary>The operations that answer one cart (with its ETag); the listing answers a page.</summary>
    public static TheoryData<string, string, int[]> CartOperations
    {
        get
        {
            var data = new TheoryData<string, string, int[]>();
            foreach (var row in Operations.Where(row => (string)row[1] != "/carts" || (string)row[0] != "get"))
            {
                data.Add((string)row[0], (string)row[1], (int[])row[2]);
            }

            return data;
        }
    }

    [Fact]
    public async Task The_document_lists_exactly_the_cart_operations()
    {
        var document = await DocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name} {path.Name}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(Operations.Select(row => $"{row[0]} {row[1]}").Order(StringComparer.Ordinal), operations);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_documents_every_status_it_answers_with_problem_json_for_errors(string method, string path, int[] statuses)
    {
        var responses = (await OperationAsync(method, path)).GetProperty("responses");

        Assert.Equal(statuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)), responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var response in responses.EnumerateObject())
        {
            var mediaType = Assert.Single(response.Value.GetProperty("content").EnumerateObject()).Name;
            Assert.Equal(response.Name.StartsWith('2') ? "application/json" : "application/problem+json", mediaType);
            Assert.True(response.Value.GetProperty("headers").TryGetProperty("X-Correlation-Id", out _), $"{method} {path} {response.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_cart_operation_requires_the_bearer_scheme_and_documents_its_challenge(string method, string path, int[] statuses)
    {
        var document = await DocumentAsync();
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        Assert.Equal("Bearer", Assert.Single(requirement.EnumerateObject()).Name);
        Assert.Contains(401, statuses);
        Assert.True(operation.GetProperty("responses").GetProperty("401").GetProperty("headers").TryGetProperty("WWW-Authenticate", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer", "JWT"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString(), scheme.GetProperty("bearerFormat").GetString()));
    }

    [Fact]
    public async Task Health_and_the_document_itself_stay_public()
    {
        using var client = api.CreateAnonymousClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var document = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (health.StatusCode, document.StatusCode));
    }

    [Theory]
    [MemberData(nameof(CartOperations))]
    public async Task Cart_answers_document_the_etag_and_a_created_cart_its_location(string method, string path, int[] statuses)
    {
        var responses = (await OperationAsync(method, path)).GetProperty("responses");
        var success = statuses.Single(s => s is 200 or 201).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var headers = responses.GetProperty(success).GetProperty("headers");
        Assert.True(headers.TryGetProperty("ETag", out _));
        Assert.Equal(success == "201", headers.TryGetProperty("Location", out _));
        Assert.EndsWith("/CartView", responses.GetProperty(success).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post", "/carts/{cartId}/items", true)]
    [InlineData("delete", "/carts/{cartId}/items/{sku}", true)]
    [InlineData("post", "/carts/{cartId}/checkout", true)]
    [InlineData("post", "/carts", false)]
    [InlineData("get", "/carts/{cartId}", false)]
    public async Task Changes_to_an_existing_cart_accept_if_match(string method, string path, bool acceptsIfMatch)
    {
        var parameters = (await OperationAsync(method, path)).GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());

        Assert.Equal(acceptsIfMatch, parameters.Contains("If-Match"));
    }

    [Fact]
    public async Task Schemas_carry_the_input_limits_and_the_problem_extensions()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var item = schemas.GetProperty("CartItemInput").GetProperty("properties");
        Assert.Equal(1, item.GetProperty("quantity").GetProperty("minimum").GetInt32());
        Assert.Equal(999, item.GetProperty("quantity").GetProperty("maximum").GetInt32());
        Assert.Equal("^[A-Za-z0-9._-]{1,64}$", item.GetProperty("sku").GetProperty("pattern").GetString());
        Assert.False(schemas.GetProperty("CreateCartRequest").TryGetProperty("required", out _));
        Assert.Equal(["Open", "CheckedOut"], schemas.GetProperty("CartView").GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        foreach (var problem in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            var properties = schemas.GetProperty(problem).GetProperty("properties");
            Assert.True(properties.TryGetProperty("code", out _), problem);
            Assert.True(properties.TryGetProperty("correlationId", out _), problem);
        }
    }

    private async Task<JsonElement> OperationAsync(string method, string path) =>
        (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
