using System.Net.Http.Headers;
using ShoppingCart.Api.Identity;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>
/// Development-issuer tokens for the tests: signed with the key of the service under test (the file beside its
/// database), exactly as <c>./run.sh token</c> makes them. Every test client is authenticated through here.
/// </summary>
public static class TestTokens
{
    /// <summary>Whom a test client is unless it says otherwise; the customer the cart bodies of the tests name.</summary>
    public const string DefaultCustomer = "customer-1";

    public static string For(string keyPath, string customer = DefaultCustomer, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null) =>
        DevelopmentIssuer.LoadOrCreate(keyPath)
            .CreateToken(CustomerId.Create(customer).Value, lifetime ?? TimeSpan.FromHours(1), issuedAt ?? DateTimeOffset.UtcNow);

    public static void Authenticate(HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
