using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShoppingCart.Api.Identity;

namespace ShoppingCart.Api.Tests.Identity;

/// <summary>
/// Tokens the service must refuse, each made the way an attacker or a broken client would: with IdentityModel's own
/// token handler (no hand-made signatures), except the unsigned one, which is only base64url text.
/// </summary>
internal sealed class ForgedTokens(string signingKeyPath)
{
    public string Signed(
        string? subject = "customer-1",
        string issuer = DevelopmentIssuer.Issuer,
        string audience = DevelopmentIssuer.Audience,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        SigningCredentials? credentials = null)
    {
        var now = DateTimeOffset.UtcNow;
        var validFrom = notBefore ?? now.AddMinutes(-1);
        var validTo = expires ?? now.AddHours(1);
        var claims = new Dictionary<string, object>();
        if (subject is not null)
        {
            claims[JwtRegisteredClaimNames.Sub] = subject;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = validFrom.UtcDateTime,
            NotBefore = validFrom.UtcDateTime,
            Expires = validTo.UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials ?? new SigningCredentials(ServiceKey(), SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>Signed by a key the service never saw.</summary>
    public string SignedByAnotherKey() =>
        Signed(credentials: new SigningCredentials(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)), SecurityAlgorithms.EcdsaSha256));

    /// <summary>
    /// Key confusion: HS256 with the service's PUBLIC key as the HMAC secret, which a verifier that lets the token
    /// pick its algorithm would accept.
    /// </summary>
    public string HmacWithThePublicKey()
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(signingKeyPath));
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ecdsa.ExportSubjectPublicKeyInfoPem()));
        return Signed(credentials: new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));
    }

    /// <summary><c>alg: none</c> and an empty signature.</summary>
    public static string Unsigned(string subject = "customer-1")
    {
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"{{subject}}","iss":"{{DevelopmentIssuer.Issuer}}","aud":"{{DevelopmentIssuer.Audience}}","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }

    private ECDsaSecurityKey ServiceKey()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(signingKeyPath));
        return new ECDsaSecurityKey(ecdsa);
    }
}
