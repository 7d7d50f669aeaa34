using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>The cart endpoints as a client calls them, with raw JSON bodies so tests control every byte.</summary>
public sealed class CartApi(HttpClient client)
{
    public HttpClient Client => client;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Items(params (string Sku, int Quantity)[] items) =>
        "[" + string.Join(',', items.Select(i => string.Create(CultureInfo.InvariantCulture, $$"""{"sku":"{{i.Sku}}","quantity":{{i.Quantity}}}"""))) + "]";

    public Task<HttpResponseMessage> CreateAsync(string json, string? correlationId = null) =>
        SendAsync(HttpMethod.Post, "/carts", Json(json), ifMatch: null, correlationId);

    /// <summary>Creates a cart and returns it, failing the test if the API refuses.</summary>
    public async Task<CartBody> CreateCartAsync(params (string Sku, int Quantity)[] items)
    {
        using var response = await CreateAsync($$"""{"customerId":"customer-1","items":{{Items(items)}}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadCartAsync(response);
    }

    public Task<HttpResponseMessage> GetAsync(string cartId, string? correlationId = null) =>
        SendAsync(HttpMethod.Get, $"/carts/{cartId}", content: null, ifMatch: null, correlationId);

    public Task<HttpResponseMessage> AddItemsAsync(string cartId, string json, string? ifMatch = null, string? correlationId = null) =>
        SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", Json(json), ifMatch, correlationId);

    public Task<HttpResponseMessage> RemoveAsync(string cartId, string sku, int? quantity = null, string? ifMatch = null, string? correlationId = null) =>
        SendAsync(
            HttpMethod.Delete,
            $"/carts/{cartId}/items/{Uri.EscapeDataString(sku)}" + (quantity is { } q ? string.Create(CultureInfo.InvariantCulture, $"?quantity={q}") : string.Empty),
            content: null,
            ifMatch,
            correlationId);

    public Task<HttpResponseMessage> CheckoutAsync(string cartId, string? ifMatch = null, string? correlationId = null) =>
        SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", content: null, ifMatch, correlationId);

    public static async Task<CartBody> ReadCartAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var cart = await response.Content.ReadFromJsonAsync<CartBody>(JsonSerializerOptions.Web);
        Assert.NotNull(cart);
        Assert.Equal($"\"{cart.Version}\"", response.Headers.ETag?.ToString());
        return cart;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? ifMatch, string? correlationId)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", correlationId);
        }

        return await client.SendAsync(request);
    }
}
