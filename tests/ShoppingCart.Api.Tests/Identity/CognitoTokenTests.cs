using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShoppingCart.Api.Identity;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.Identity;

/// <summary>
/// With an issuer configured (on AWS: the Cognito user pool), the app verifies tokens itself against the keys the
/// issuer publishes through its OpenID Connect discovery document, accepting only ID tokens for the app client —
/// here against a local issuer that publishes its discovery document and JWKS the way Cognito does
/// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
/// </summary>
public sealed class CognitoTokenTests : IAsyncLifetime, IDisposable
{
    private const string ClientId = "app-client-1";

    private readonly RSA _signingKey = RSA.Create(2048);
    private WebApplication? _issuerApp;
    private ApiFactory? _api;

    private string Issuer { get; set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _issuerApp = builder.Build();
        _issuerApp.MapGet("/pool/.well-known/openid-configuration", () => Results.Text(
            $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{Issuer}}/.well-known/jwks.json","id_token_signing_alg_values_supported":["RS256"]}""", "application/json"));
        _issuerApp.MapGet("/pool/.well-known/jwks.json", () =>
        {
            var parameters = _signingKey.ExportParameters(includePrivateParameters: false);
            return Results.Text(
                $$"""{"keys":[{"kty":"RSA","kid":"key-1","use":"sig","alg":"RS256","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""",
                "application/json");
        });
        await _issuerApp.StartAsync();
        var address = _issuerApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Issuer = $"{address}/pool";
        _api = new ApiFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["ShoppingCart:Identity:Issuer"] = Issuer,
                ["ShoppingCart:Identity:Audience"] = ClientId,
            },
        };
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_issuerApp is not null)
        {
            await _issuerApp.DisposeAsync();
        }

    }

    /// <summary>Runs after <see cref="DisposeAsync"/>, which stopped both servers.</summary>
    public void Dispose()
    {
        _api?.Dispose();
        _signingKey.Dispose();
    }

    [Fact]
    public async Task An_id_token_of_the_issuer_for_the_app_client_is_accepted_and_its_subject_owns_the_cart()
    {
        using var response = await CreateCartAsync(Token());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("3f1c2b9a-0000-4000-8000-000000000001", (await CartApi.ReadCartAsync(response)).CustomerId);
    }

    [Theory]
    [InlineData("access token", "auth.invalid_token")]
    [InlineData("another app client", "auth.invalid_token")]
    [InlineData("another issuer", "auth.invalid_token")]
    [InlineData("a key the issuer does not publish", "auth.invalid_token")]
    [InlineData("a development token", "auth.invalid_token")]
    public async Task Anything_but_an_id_token_of_the_issuer_for_the_app_client_is_refused(string kind, string code)
    {
        using var otherKey = RSA.Create(2048);
        using var developmentKeyFolder = new TemporaryDirectory();
        var token = kind switch
        {
            "access token" => Token(tokenUse: "access"),
            "another app client" => Token(audience: "another-client"),
            "another issuer" => Token(issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other"),
            "a key the issuer does not publish" => Token(key: otherKey),
            _ => TestTokens.For(developmentKeyFolder.File(DevelopmentIssuer.KeyFileName)),
        };

        using var response = await CreateCartAsync(token);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, code);
        Assert.Equal((0, 0), (_api!.Stored.CartCount(), _api.Stored.OutboxCount()));
    }

    private string Token(string tokenUse = "id", string? audience = null, string? issuer = null, RSA? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? ClientId,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = "3f1c2b9a-0000-4000-8000-000000000001",
                ["token_use"] = tokenUse,
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _signingKey) { KeyId = "key-1" }, SecurityAlgorithms.RsaSha256),
        });

    private async Task<HttpResponseMessage> CreateCartAsync(string token)
    {
        using var client = _api!.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await new CartApi(client).CreateAsync("""{"items":[{"sku":"apple","quantity":1}]}""");
    }
}
