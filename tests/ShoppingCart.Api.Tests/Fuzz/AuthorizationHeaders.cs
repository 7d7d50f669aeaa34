using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ShoppingCart.Api.Tests.Fuzz;

/// <summary>
/// Seeded random <c>Authorization</c> values: noise, other schemes, odd spacing and casing, huge values, structurally
/// plausible JWTs with hostile headers (<c>alg</c> none/HS256/unknown, <c>kid</c> paths, <c>jku</c>), hostile claims
/// (huge numbers, wrong types), and valid tokens with one character changed, dropped or added, or segments swapped.
/// </summary>
internal sealed class AuthorizationHeaders(Random random, string validToken, string otherValidToken)
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly string[] HostileHeaders =
    [
        """{"alg":"none","typ":"JWT"}""",
        """{"alg":"HS256","typ":"JWT"}""",
        """{"alg":"RS256","kid":"../../../../dev/null"}""",
        """{"alg":"ES256","jku":"http://127.0.0.1:1/keys"}""",
        """{"alg":"ES256","jwk":{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}}""",
        """{"alg":"ES512"}""",
        """{"alg":""}""",
        """{"alg":null}""",
        """{"alg":["ES256"]}""",
        """{}""",
        """[]""",
        """{"alg":"ES256","crit":["exp"]}""",
        """{"alg":"ES256","enc":"A256GCM"}""",
        "not json",
    ];

    private static readonly string[] HostilePayloads =
    [
        """{"sub":"customer-1","iss":"shopping-cart-development","aud":"shopping-cart","exp":99999999999999999999999}""",
        """{"sub":"customer-1","iss":"shopping-cart-development","aud":"shopping-cart","exp":"tomorrow"}""",
        """{"sub":"customer-1","iss":"shopping-cart-development","aud":["shopping-cart","x"],"exp":-1}""",
        """{"sub":{"nested":true},"iss":"shopping-cart-development","aud":"shopping-cart","exp":4102444800}""",
        """{"sub":"customer-1","iss":"shopping-cart-development","aud":"shopping-cart","exp":4102444800,"nbf":1e400}""",
        """{"sub":"","exp":4102444800}""",
        "{",
        "null",
    ];

    public string Next() => random.Next(12) switch
    {
        0 => Noise(random.Next(0, 200)),
        1 => "Bearer " + Noise(random.Next(0, 300)),
        2 => OddlyWrittenScheme() + validToken,
        3 => "Bearer " + Mutated(validToken),
        4 => "Bearer " + Mutated(Mutated(validToken)),
        5 => "Bearer " + Spliced(),
        6 => "Bearer " + Encode(Pick(HostileHeaders)) + "." + Encode(Pick(HostilePayloads)) + "." + RandomSegment(random.Next(0, 90)),
        7 => "Bearer " + string.Join('.', Enumerable.Range(0, random.Next(0, 7)).Select(_ => RandomSegment(random.Next(0, 60)))),
        8 => "Bearer " + validToken + new string('A', random.Next(1, 20_000)),
        9 => Pick(["Basic ", "Digest ", "Negotiate ", "AWS4-HMAC-SHA256 ", "Token ", ""]) + validToken,
        10 => "Bearer " + validToken + Pick([" ", "  extra", ",Bearer " + otherValidToken, "\t", ".", "..", "=", "=="]),
        _ => "Bearer " + Encode(Pick(HostileHeaders)) + "." + validToken.Split('.')[1] + "." + validToken.Split('.')[2],
    };

    private string OddlyWrittenScheme() => Pick(["bearer ", "BEARER ", "Bearer  ", " Bearer ", "Bearer\t", "Bearer:", "Bearer=", "Bearer"]);

    private string Mutated(string token)
    {
        var chars = new StringBuilder(token);
        var position = random.Next(chars.Length);
        switch (random.Next(3))
        {
            case 0:
                chars[position] = Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)];
                break;
            case 1:
                chars.Remove(position, 1);
                break;
            default:
                chars.Insert(position, Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)]);
                break;
        }

        return chars.ToString();
    }

    /// <summary>Segments of two genuine tokens recombined: each part is well formed, the whole is not what was signed.</summary>
    private string Spliced()
    {
        var mine = validToken.Split('.');
        var other = otherValidToken.Split('.');
        return random.Next(3) switch
        {
            0 => $"{mine[0]}.{other[1]}.{mine[2]}",
            1 => $"{mine[0]}.{mine[1]}.{other[2]}",
            _ => $"{mine[0]}.{mine[1]}",
        };
    }

    private string Noise(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }

    private string RandomSegment(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)];
        }

        return new string(chars);
    }

    private static string Encode(string json) => Base64UrlEncoder.Encode(json);

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
