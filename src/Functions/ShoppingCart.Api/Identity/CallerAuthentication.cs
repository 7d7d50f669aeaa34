using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShoppingCart.Infrastructure;
using ShoppingCart.Infrastructure.Embedded;

namespace ShoppingCart.Api.Identity;

/// <summary>
/// Bearer authentication for the cart routes. One JWT bearer handler serves both families; only whom it trusts
/// differs: the Cognito user pool named by <see cref="IdentityOptions.Issuer"/> (keys from its JWKS, RS256, ID tokens
/// for the app client), or the local <see cref="DevelopmentIssuer"/> (ES256) on the embedded family. The AWS family
/// without an issuer refuses to start: a deployed API never runs without verifying its callers.
/// </summary>
public static class CallerAuthentication
{
    /// <summary>How far a token's times may be off the server's clock; the handler's default is 5 minutes.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var identity = configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        var family = DependencyInjection.FamilyOf(configuration);
        if (string.IsNullOrWhiteSpace(identity.Issuer) && family != InfrastructureFamily.Embedded)
        {
            throw new InvalidOperationException(
                $"{IdentityOptions.SectionName}:Issuer must name the token issuer (the Cognito user pool) on the {family} family; " +
                "only the embedded family may use the development issuer.");
        }

        services.AddSingleton(provider => DevelopmentIssuer.LoadOrCreate(DevelopmentKeyPath(identity, provider)));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IServiceProvider>((options, provider) =>
        {
            var trustsIssuer = !string.IsNullOrWhiteSpace(identity.Issuer);
            options.MapInboundClaims = false;
            options.Events = new CallerTokenEvents(requireIdToken: trustsIssuer);
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = MaxClockSkew,
                NameClaimType = JwtRegisteredClaimNames.Sub,
            };
            if (trustsIssuer)
            {
                // Cognito publishes its keys at <issuer>/.well-known/jwks.json, found through the discovery document.
                options.Authority = identity.Issuer;
                options.RequireHttpsMetadata = identity.Issuer!.StartsWith("https://", StringComparison.Ordinal);
                options.TokenValidationParameters.ValidIssuer = identity.Issuer;
                options.TokenValidationParameters.ValidAudience = identity.Audience
                    ?? throw new InvalidOperationException($"{IdentityOptions.SectionName}:Audience must name the app client id.");
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
            }
            else
            {
                options.TokenValidationParameters.ValidIssuer = DevelopmentIssuer.Issuer;
                options.TokenValidationParameters.ValidAudience = DevelopmentIssuer.Audience;
                options.TokenValidationParameters.ValidAlgorithms = [DevelopmentIssuer.Algorithm];
                options.TokenValidationParameters.IssuerSigningKey = provider.GetRequiredService<DevelopmentIssuer>().SigningKey;
            }
        });
        services.AddAuthorization();
        return services;
    }

    /// <summary>True when this configuration verifies tokens of the local development issuer.</summary>
    public static bool UsesDevelopmentIssuer(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{IdentityOptions.SectionName}:{nameof(IdentityOptions.Issuer)}"]);

    private static string DevelopmentKeyPath(IdentityOptions identity, IServiceProvider provider) =>
        !string.IsNullOrWhiteSpace(identity.DevelopmentKeyPath)
            ? Path.GetFullPath(identity.DevelopmentKeyPath)
            : Path.Combine(
                Path.GetDirectoryName(provider.GetRequiredService<IOptions<EmbeddedOptions>>().Value.DatabasePath)!,
                DevelopmentIssuer.KeyFileName);
}
