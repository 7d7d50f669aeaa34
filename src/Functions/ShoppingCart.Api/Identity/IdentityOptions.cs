namespace ShoppingCart.Api.Identity;

/// <summary>
/// Who the API trusts to say who a caller is, bound from <c>ShoppingCart:Identity</c>. With an
/// <see cref="Issuer"/> (on AWS: the Cognito user pool), tokens are verified against the keys that issuer publishes;
/// without one, on the embedded family only, against the local <see cref="DevelopmentIssuer"/>.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "ShoppingCart:Identity";

    /// <summary>
    /// The token issuer (<c>iss</c>), e.g. <c>https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123</c>; its
    /// signing keys are read from its OpenID Connect discovery document. Null: the development issuer.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) a token must name: for Cognito ID tokens, the app client id.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The development issuer's private key file; by default <c>dev-issuer-key.pem</c> beside the embedded database,
    /// so a token from <c>./run.sh token</c> is good for the service started on the same data folder.
    /// </summary>
    public string? DevelopmentKeyPath { get; set; }
}
