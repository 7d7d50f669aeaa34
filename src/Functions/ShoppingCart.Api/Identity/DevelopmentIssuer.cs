using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Identity;

/// <summary>
/// The local stand-in for the Cognito user pool: an ECDSA P-256 key kept in the data folder (created on first use,
/// readable by its owner only), which signs development tokens (<c>./run.sh token CUSTOMER_ID</c>) and verifies them.
/// All cryptography is the platform's and IdentityModel's.
/// </summary>
public sealed class DevelopmentIssuer
{
    public const string Issuer = "shopping-cart-development";
    public const string Audience = "shopping-cart";
    public const string KeyFileName = "dev-issuer-key.pem";
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    private readonly ECDsaSecurityKey _key;

    private DevelopmentIssuer(ECDsaSecurityKey key) => _key = key;

    /// <summary>The key that verifies the tokens this issuer signs.</summary>
    public SecurityKey SigningKey => _key;

    /// <summary>Reads the key at <paramref name="keyPath"/>, creating it first (mode 0600) when there is none.</summary>
    public static DevelopmentIssuer LoadOrCreate(string keyPath)
    {
        if (!File.Exists(keyPath))
        {
            Create(keyPath);
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(keyPath));
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new DevelopmentIssuer(key);
    }

    /// <summary>A signed token whose subject is <paramref name="customer"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public string CreateToken(CustomerId customer, TimeSpan lifetime, DateTimeOffset now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = customer.Value },
            SigningCredentials = new SigningCredentials(_key, Algorithm),
        });

    /// <summary>
    /// Writes a new key to a private temporary file and moves it into place without overwriting, so a service and a
    /// <c>token</c> command starting together end up with one key, and nobody ever reads a half-written file.
    /// </summary>
    private static void Create(string keyPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyPath))!);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = $"{keyPath}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(temporary, options)))
        {
            writer.Write(ecdsa.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            File.Move(temporary, keyPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyPath))
        {
            // Someone else created it first: theirs is the key.
            File.Delete(temporary);
        }
    }
}
