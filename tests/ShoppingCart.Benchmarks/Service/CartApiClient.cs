using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// The cart API as a load client sees it. Request bodies are fixed bytes made once, so the client spends as little of
/// the shared CPU as it can; any non-success answer throws with its status and body.
/// </summary>
internal sealed class CartApiClient(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] CreateBody = Encoding.UTF8.GetBytes("""{"items":[{"sku":"SKU-APPLE","quantity":1}]}""");
    private static readonly byte[] AddBody = Encoding.UTF8.GetBytes("""{"items":[{"sku":"SKU-BREAD","quantity":1}]}""");

    public Task<CartAck> CreateAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/carts", CreateBody, cancellationToken);

    public Task<CartAck> AddItemAsync(string cartId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", AddBody, cancellationToken);

    public Task<CartAck> RemoveItemAsync(string cartId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"/carts/{cartId}/items/SKU-BREAD?quantity=1", null, cancellationToken);

    public Task<CartAck> CheckoutAsync(string cartId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", null, cancellationToken);

    private async Task<CartAck> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var receivedAt = DateTimeOffset.UtcNow;
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var cart = await JsonSerializer.DeserializeAsync(stream, ServiceJsonContext.Default.CartResponseBody, cancellationToken)
            ?? throw new HttpRequestException($"{method} {path} answered without a cart.");
        return new CartAck(cart.CartId, cart.Version, receivedAt);
    }
}
