using System.Globalization;
using System.Text;

namespace ShoppingCart.Api.Tests.Fuzz;

/// <summary>
/// Generates requests that are each wrong in at least one way the API must refuse: JSON that does not parse, values
/// of the wrong type or out of range, unknown or repeated properties, unicode where only ASCII is allowed, bodies over
/// the limit or not JSON, broken or stale If-Match headers, unknown carts and lines. Every request is built so that no
/// correct server could accept it; the only cart that exists is <paramref name="cartId"/>, which holds "apple" only.
/// </summary>
public sealed class MalformedRequests(Random random, string cartId)
{
    private const string AllowedSkuChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

    private static readonly string[] ForbiddenSkuChars = [" ", "/", "?", "#", "%", "ä", "😀", "\u202e", "\u0000", "\\", "\"", "<", "é", "日本", "\t"];

    private static readonly string[] WrongTypes = ["1", "-7", "true", "false", "[]", "{}", "[\"a\"]", "{\"a\":1}", "1.5", "1e400"];

    private static readonly string[] BadQuantities =
        ["0", "-1", "-999999", "1000", "2147483648", "-2147483649", "99999999999999999999", "1.5", "1e3", "1E2", "0x10", "\"3\"", "null", "true", "[1]", "{}", "NaN", "Infinity", "-0", "01"];

    private static readonly string[] BadQueryQuantities =
        ["0", "-1", "1000", "2147483648", "99999999999999999999", "1.5", "1e3", "0x10", "abc", "½", "١", "NaN", "∞", "--1", "1-"];

    private static readonly string[] NonJsonMediaTypes =
        ["text/plain", "application/xml", "text/html", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream", "image/png", "json"];

    public FuzzRequest Next()
    {
        var request = random.Next(10) switch
        {
            0 => CreateWithBrokenJson(),
            1 => CreateWithBrokenValue(),
            2 => AddWithBrokenBody(),
            3 => OversizedBody(),
            4 => NotJson(),
            5 => RemoveWithBadParameters(),
            6 => ChangeWithBadIfMatch(),
            7 => UnknownCart(),
            8 => BadPath(),
            _ => RandomBytes(),
        };
        if (random.Next(4) != 0)
        {
            return request;
        }

        // A hostile correlation id on top must not change the answer.
        var headers = new Dictionary<string, string>(request.Headers) { ["X-Correlation-Id"] = RandomText(random.Next(1, 300)) };
        return request with { Headers = headers };
    }

    private FuzzRequest CreateWithBrokenJson()
    {
        var valid = CreateJson(ValidCustomerId(), ValidItems());
        return random.Next(6) switch
        {
            // A proper prefix of a JSON object is never a complete document.
            0 => Create("truncated", valid[..random.Next(valid.Length)]),
            1 => Create("unknown property", valid.Insert(1, $"\"{RandomLetters(1, 10)}X\":1,")),
            2 => Create("repeated property", valid.Insert(1, "\"customerId\":\"other\",")),
            3 => Create("deep nesting", $"{{\"customerId\":\"c\",\"items\":{new string('[', random.Next(65, 3000))}"),
            4 => Create("trailing garbage", valid + RandomText(random.Next(1, 20))),
            _ => Create("not an object", WrongTypes[random.Next(WrongTypes.Length)]),
        };
    }

    private FuzzRequest CreateWithBrokenValue() => random.Next(5) switch
    {
        0 => Create("customerId of the wrong type", $"{{\"customerId\":{WrongTypes[random.Next(WrongTypes.Length)]},\"items\":{ValidItems()}}}"),
        1 => Create("unusable customerId", CreateJson(BadCustomerId(), ValidItems())),
        2 => Create("bad quantity", CreateJson(ValidCustomerId(), $"[{{\"sku\":\"{ValidSku()}\",\"quantity\":{BadQuantities[random.Next(BadQuantities.Length)]}}}]")),
        3 => Create("bad sku", CreateJson(ValidCustomerId(), $"[{{\"sku\":{Json(BadSku())},\"quantity\":1}}]")),
        _ => Create("more lines than a cart holds", CreateJson(ValidCustomerId(), "[" + string.Join(',', Enumerable.Range(0, random.Next(101, 300)).Select(i => $"{{\"sku\":\"s{i}\",\"quantity\":1}}")) + "]")),
    };

    private FuzzRequest AddWithBrokenBody()
    {
        var path = $"/carts/{cartId}/items";
        return random.Next(6) switch
        {
            0 => Json("no items", HttpMethod.Post, path, random.Next(2) == 0 ? "{\"items\":[]}" : "{}"),
            1 => Json("bad quantity", HttpMethod.Post, path, $"{{\"items\":[{{\"sku\":\"apple\",\"quantity\":{BadQuantities[random.Next(BadQuantities.Length)]}}}]}}"),
            2 => Json("bad sku", HttpMethod.Post, path, $"{{\"items\":[{{\"sku\":{Json(BadSku())},\"quantity\":1}}]}}"),
            3 => Json("over the line limit", HttpMethod.Post, path, $"{{\"items\":[{string.Join(',', Enumerable.Repeat("{\"sku\":\"apple\",\"quantity\":999}", 11))}]}}"),
            4 => Json("truncated", HttpMethod.Post, path, "{\"items\":[{\"sku\":\"apple\",\"quantity\":1}]}"[..random.Next(40)]),
            _ => Json("items of the wrong type", HttpMethod.Post, path, $"{{\"items\":{WrongTypes[random.Next(WrongTypes.Length)]}}}"),
        };
    }

    private FuzzRequest OversizedBody()
    {
        var size = random.Next(64 * 1024 + 1, 256 * 1024);
        var body = new byte[size];
        random.NextBytes(body);
        var path = random.Next(3) switch
        {
            0 => "/carts",
            1 => $"/carts/{cartId}/items",
            _ => $"/carts/{cartId}/checkout",
        };
        return new FuzzRequest("oversized body", HttpMethod.Post, path, body, "application/json");
    }

    private FuzzRequest NotJson()
    {
        var body = Encoding.UTF8.GetBytes(random.Next(2) == 0 ? CreateJson(ValidCustomerId(), ValidItems()) : "{\"items\":[{\"sku\":\"apple\",\"quantity\":1}]}");
        var path = random.Next(2) == 0 ? "/carts" : $"/carts/{cartId}/items";
        var mediaType = random.Next(10) == 0 ? null : NonJsonMediaTypes[random.Next(NonJsonMediaTypes.Length)];
        return new FuzzRequest("valid JSON sent as another media type", HttpMethod.Post, path, body, mediaType);
    }

    private FuzzRequest RemoveWithBadParameters() => random.Next(4) switch
    {
        0 => new FuzzRequest("bad sku", HttpMethod.Delete, $"/carts/{cartId}/items/{PathSegment(BadSku())}"),
        1 => new FuzzRequest("bad quantity", HttpMethod.Delete, $"/carts/{cartId}/items/apple?quantity={Uri.EscapeDataString(BadQueryQuantities[random.Next(BadQueryQuantities.Length)])}"),
        2 => new FuzzRequest("more than the cart holds", HttpMethod.Delete, $"/carts/{cartId}/items/apple?quantity={random.Next(3, 1000)}"),
        _ => new FuzzRequest("a line the cart does not hold", HttpMethod.Delete, $"/carts/{cartId}/items/{OtherValidSku()}"),
    };

    private FuzzRequest ChangeWithBadIfMatch()
    {
        var ifMatch = random.Next(2) == 0
            ? "x-" + RandomText(random.Next(1, 40))
            : $"\"{(random.Next(2) == 0 ? 0 : random.Next(2, 100_000)).ToString(CultureInfo.InvariantCulture)}\"";
        var request = random.Next(3) switch
        {
            0 => new FuzzRequest("checkout", HttpMethod.Post, $"/carts/{cartId}/checkout"),
            1 => new FuzzRequest("remove", HttpMethod.Delete, $"/carts/{cartId}/items/apple?quantity=1"),
            _ => Json("add", HttpMethod.Post, $"/carts/{cartId}/items", "{\"items\":[{\"sku\":\"apple\",\"quantity\":1}]}"),
        };
        return request with { Description = $"{request.Description} with a broken or stale If-Match", Headers = new Dictionary<string, string> { ["If-Match"] = ifMatch } };
    }

    private FuzzRequest UnknownCart()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var unknown = new Guid(bytes).ToString(random.Next(2) == 0 ? "D" : "N");
        return random.Next(4) switch
        {
            0 => new FuzzRequest("checkout of an unknown cart", HttpMethod.Post, $"/carts/{unknown}/checkout"),
            1 => new FuzzRequest("remove from an unknown cart", HttpMethod.Delete, $"/carts/{unknown}/items/apple"),
            2 => new FuzzRequest("read of an unknown cart", HttpMethod.Get, $"/carts/{unknown}"),
            _ => Json("add to an unknown cart", HttpMethod.Post, $"/carts/{unknown}/items", $"{{\"items\":{ValidItems()}}}"),
        };
    }

    private FuzzRequest BadPath()
    {
        var segment = PathSegment(RandomText(random.Next(1, 60)));
        return random.Next(5) switch
        {
            0 => new FuzzRequest("cart id that is not a GUID", HttpMethod.Get, $"/carts/{segment}"),
            1 => new FuzzRequest("checkout of a cart id that is not a GUID", HttpMethod.Post, $"/carts/{segment}/checkout"),
            2 => new FuzzRequest("unknown route", HttpMethod.Get, $"/{segment}"),
            3 => new FuzzRequest("unsupported method", HttpMethod.Put, $"/carts/{cartId}"),
            _ => new FuzzRequest("unsupported method", HttpMethod.Patch, "/carts"),
        };
    }

    private FuzzRequest RandomBytes()
    {
        var body = new byte[random.Next(1, 512)];
        random.NextBytes(body);
        return new FuzzRequest("random bytes as JSON", HttpMethod.Post, random.Next(2) == 0 ? "/carts" : $"/carts/{cartId}/items", body, "application/json");
    }

    private static FuzzRequest Create(string what, string json) => Json(what, HttpMethod.Post, "/carts", json);

    private static FuzzRequest Json(string what, HttpMethod method, string path, string json) =>
        new(what, method, path, Encoding.UTF8.GetBytes(json), "application/json");

    /// <summary>
    /// Escaped for a URL path, without NUL: the in-process test client refuses to send it (Kestrel answers such a
    /// request line with 400 before the app sees it).
    /// </summary>
    private static string PathSegment(string text) => Uri.EscapeDataString(text.Replace("\0", string.Empty, StringComparison.Ordinal));

    private static string CreateJson(string customerId, string items) => $"{{\"customerId\":{Json(customerId)},\"items\":{items}}}";

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private string ValidCustomerId() => "customer-" + RandomLetters(1, 20);

    private string ValidItems() =>
        "[" + string.Join(',', Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"{{\"sku\":\"{ValidSku()}\",\"quantity\":{random.Next(1, 10)}}}")) + "]";

    private string ValidSku() => new([.. Enumerable.Range(0, random.Next(1, 20)).Select(_ => AllowedSkuChars[random.Next(AllowedSkuChars.Length)])]);

    private string OtherValidSku()
    {
        var sku = ValidSku();
        return sku == "apple" ? "pear" : sku;
    }

    private string BadCustomerId() => random.Next(5) switch
    {
        0 => string.Empty,
        1 => " " + RandomLetters(1, 10),
        2 => RandomLetters(1, 10) + "\n",
        3 => RandomLetters(1, 5) + "\u0007" + RandomLetters(1, 5),
        _ => RandomText(65 + random.Next(200)).PadRight(65, 'x'),
    };

    private string BadSku()
    {
        if (random.Next(4) == 0)
        {
            return new string('a', random.Next(65, 300));
        }

        var sku = ValidSku();
        return sku.Insert(random.Next(sku.Length + 1), ForbiddenSkuChars[random.Next(ForbiddenSkuChars.Length)]);
    }

    private string RandomLetters(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => (char)('a' + random.Next(26)))]);

    /// <summary>Any text: ASCII, control characters, accents, right-to-left marks, emoji and lone surrogates.</summary>
    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(8) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x800),
                2 => (char)random.Next(0x590, 0x700),
                3 => "😀",
                4 => (char)random.Next(0xD800, 0xE000),
                _ => (char)random.Next(32, 127),
            });
        }

        return text.ToString();
    }
}
