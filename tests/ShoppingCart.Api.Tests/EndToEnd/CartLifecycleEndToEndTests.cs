using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

/// <summary>The real app as a process, driven over HTTP, checked through the event log it writes.</summary>
public sealed class CartLifecycleEndToEndTests(RunningApi api) : IClassFixture<RunningApi>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_cart_driven_through_create_add_remove_checkout_publishes_exactly_those_four_events_in_version_order()
    {
        using var client = api.Process.CreateClient("e2e-customer");
        var carts = new CartApi(client);

        using var created = await carts.CreateAsync("""{"customerId":"e2e-customer","items":[{"sku":"apple","quantity":2}]}""", correlationId: "e2e-create");
        var cart = await CartApi.ReadCartAsync(created);
        using var added = await carts.AddItemsAsync(cart.CartId, """{"items":[{"sku":"pear","quantity":3}]}""", ifMatch: "\"1\"", correlationId: "e2e-add");
        using var removed = await carts.RemoveAsync(cart.CartId, "apple", quantity: 1, ifMatch: "\"2\"", correlationId: "e2e-remove");
        using var checkedOut = await carts.CheckoutAsync(cart.CartId, ifMatch: "\"3\"", correlationId: "e2e-checkout");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [added.StatusCode, removed.StatusCode, checkedOut.StatusCode]);
        var log = await api.Events.WaitUntilAsync(events => events.Count(e => CartIdOf(e) == cart.CartId) >= 4, EventTimeout);
        var events = log.Where(e => CartIdOf(e) == cart.CartId).ToList();

        Assert.Equal(["CartCreated", "ItemsAddedToCart", "ItemsRemovedFromCart", "CartCheckedOut"], events.Select(e => e.GetProperty("detail-type").GetString()));
        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => Metadata(e).GetProperty("cartVersion").GetInt64()));
        Assert.Equal(["e2e-create", "e2e-add", "e2e-remove", "e2e-checkout"], events.Select(e => Metadata(e).GetProperty("correlationId").GetString()));
        Assert.Equal(4, events.Select(e => Metadata(e).GetProperty("eventId").GetString()).Distinct().Count());
        Assert.All(events, e => Assert.NotEqual(e.GetProperty("id").GetString(), Metadata(e).GetProperty("eventId").GetString()));
        Assert.All(events, e => Assert.Equal("shopping-cart", e.GetProperty("source").GetString()));
        Assert.Equal(4, events[^1].GetProperty("detail").GetProperty("data").GetProperty("totalQuantity").GetInt32());

        // Exactly those four: the outbox holds no other record for the cart, so nothing else can still be published.
        Assert.Equal(4, api.Stored.OutboxCorrelationIds(cart.CartId).Count);
        await WaitUntilAsync(() => api.Process.Output.Contains($"[event] CartCheckedOut cart {cart.CartId} v4", StringComparison.Ordinal), "the console to show the checkout event");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_cut_off_by_the_real_server_with_413()
    {
        using var client = api.Process.CreateClient();
        using var content = new UnknownLengthContent(new byte[200 * 1024]);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri("/carts", UriKind.Relative), content);

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.body_too_large");
    }

    private static string? CartIdOf(JsonElement envelope) => Metadata(envelope).GetProperty("cartId").GetString();

    private static JsonElement Metadata(JsonElement envelope) => envelope.GetProperty("detail").GetProperty("metadata");

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < EventTimeout, $"Timed out waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    /// <summary>A body sent without Content-Length (chunked), so only the server's read-time limit can stop it.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
