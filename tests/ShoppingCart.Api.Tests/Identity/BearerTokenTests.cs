using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ShoppingCart.Api.Identity;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Identity;

/// <summary>
/// Every /carts route refuses a request without a verified caller: 401 problem+json, a stable code, a
/// WWW-Authenticate challenge, and nothing written or published.
/// </summary>
public sealed class BearerTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string CreateBody = """{"items":[{"sku":"apple","quantity":1}]}""";

    public static TheoryData<string> RejectedTokens => new()
    {
        "malformed",
        "not yet valid beyond the skew",
        "wrongly signed",
        "alg none",
        "wrong issuer",
        "wrong audience",
        "key confusion (HS256 with the public key)",
        "no subject",
        "a subject that is no customer id",
        "truncated signature",
    };

    [Fact]
    public async Task A_request_without_a_token_is_401_missing_token_with_a_bare_bearer_challenge()
    {
        using var client = api.CreateAnonymousClient();

        using var response = await new CartApi(client).CreateAsync(CreateBody);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, CallerTokenEvents.MissingTokenCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task Another_scheme_or_an_empty_bearer_is_a_missing_token(string authorization)
    {
        using var response = await SendAsync(HttpMethod.Post, "/carts", authorization, CreateBody);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, CallerTokenEvents.MissingTokenCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_refused_token_is_401_invalid_token_and_writes_nothing(string kind)
    {
        using var response = await SendAsync(HttpMethod.Post, "/carts", "Bearer " + Token(kind), CreateBody);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, CallerTokenEvents.InvalidTokenCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.StartsWith("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public async Task An_expired_token_is_401_token_expired()
    {
        var token = Forged.Signed(notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddMinutes(-5));

        using var response = await SendAsync(HttpMethod.Get, "/carts", "Bearer " + token);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, CallerTokenEvents.ExpiredTokenCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_skew_is_tolerated_up_to_30_seconds_not_the_libraries_5_minutes()
    {
        var now = DateTimeOffset.UtcNow;
        var justExpired = Forged.Signed(notBefore: now.AddHours(-1), expires: now.AddSeconds(-10));
        var expiredPastSkew = Forged.Signed(notBefore: now.AddHours(-1), expires: now.AddSeconds(-90));
        var almostValid = Forged.Signed(notBefore: now.AddSeconds(10), expires: now.AddHours(1));
        var notYetValid = Forged.Signed(notBefore: now.AddSeconds(90), expires: now.AddHours(1));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/carts", "Bearer " + justExpired)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/carts", "Bearer " + almostValid)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/carts", "Bearer " + expiredPastSkew)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/carts", "Bearer " + notYetValid)).StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), CallerAuthentication.MaxClockSkew);
    }

    [Fact]
    public async Task An_oversized_authorization_header_is_401_invalid_token()
    {
        var header = "Bearer " + api.TokenFor("customer-1") + new string('A', CallerTokenEvents.MaxAuthorizationHeaderLength);

        using var response = await SendAsync(HttpMethod.Post, "/carts", header, CreateBody);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, CallerTokenEvents.InvalidTokenCode);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("GET", "/carts")]
    [InlineData("POST", "/carts")]
    [InlineData("GET", "/carts/0193a5b2-7c4e-7d1a-9f3b-2a1c5e6f7a8b")]
    [InlineData("POST", "/carts/0193a5b2-7c4e-7d1a-9f3b-2a1c5e6f7a8b/items")]
    [InlineData("DELETE", "/carts/0193a5b2-7c4e-7d1a-9f3b-2a1c5e6f7a8b/items/apple")]
    [InlineData("POST", "/carts/0193a5b2-7c4e-7d1a-9f3b-2a1c5e6f7a8b/checkout")]
    public async Task Every_cart_route_requires_a_token(string method, string path)
    {
        using var response = await SendAsync(new HttpMethod(method), path, authorization: null, method == "POST" ? CreateBody : null);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, CallerTokenEvents.MissingTokenCode);
    }

    [Fact]
    public async Task A_valid_token_of_the_development_issuer_is_accepted()
    {
        using var response = await SendAsync(HttpMethod.Get, "/carts", "Bearer " + api.TokenFor("customer-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private ForgedTokens Forged => new(SigningKeyPath());

    private string SigningKeyPath()
    {
        _ = api.Server;
        return api.SigningKeyPath;
    }

    private string Token(string kind) => kind switch
    {
        "malformed" => "not-a-jwt",
        "not yet valid beyond the skew" => Forged.Signed(notBefore: DateTimeOffset.UtcNow.AddMinutes(2), expires: DateTimeOffset.UtcNow.AddHours(1)),
        "wrongly signed" => Forged.SignedByAnotherKey(),
        "alg none" => ForgedTokens.Unsigned(),
        "wrong issuer" => Forged.Signed(issuer: "https://evil.example"),
        "wrong audience" => Forged.Signed(audience: "another-service"),
        "key confusion (HS256 with the public key)" => Forged.HmacWithThePublicKey(),
        "no subject" => Forged.Signed(subject: null),
        "a subject that is no customer id" => Forged.Signed(subject: " padded "),
        "truncated signature" => api.TokenFor("customer-1")[..^10],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization, string? body = null)
    {
        using var client = api.CreateAnonymousClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    private void AssertNothingWritten() => Assert.Equal((0, 0), (api.Stored.CartCount(), api.Stored.OutboxCount()));
}
