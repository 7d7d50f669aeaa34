using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShoppingCart.Api.Http;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Api.Identity;

/// <summary>
/// What the bearer handler does beyond verifying a token: refuses an oversized <c>Authorization</c> header before
/// parsing it, refuses a verified token whose subject is no customer id (or, for Cognito, that is not an ID token),
/// and answers every refusal as a 401 problem with a stable code and a <c>WWW-Authenticate</c> challenge (RFC 6750)
/// instead of the handler's empty 401. The description names the kind of failure, never the library's message.
/// </summary>
public sealed class CallerTokenEvents(bool requireIdToken) : JwtBearerEvents
{
    public const string MissingTokenCode = "auth.missing_token";
    public const string InvalidTokenCode = "auth.invalid_token";
    public const string ExpiredTokenCode = "auth.token_expired";

    /// <summary>Far above any real token (a Cognito ID token is 1–2 KB), far below what would cost to parse.</summary>
    public const int MaxAuthorizationHeaderLength = 8192;

    /// <summary>Cognito's claim that tells an ID token from an access token.</summary>
    private const string TokenUseClaim = "token_use";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Headers.Authorization.ToString().Length > MaxAuthorizationHeaderLength)
        {
            context.Fail(new SecurityTokenException("The Authorization header is too long."));
        }

        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        if (!CustomerId.Create(principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value).IsSuccess)
        {
            context.Fail(new SecurityTokenException("The token's subject is not a customer id."));
        }
        else if (requireIdToken && principal?.FindFirst(TokenUseClaim)?.Value != "id")
        {
            context.Fail(new SecurityTokenException("The token is not an ID token."));
        }

        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandleResponse();
        var (code, detail) = context.AuthenticateFailure switch
        {
            null => (MissingTokenCode, "A bearer token is required: send Authorization: Bearer <token>."),
            SecurityTokenExpiredException => (ExpiredTokenCode, "The bearer token has expired; get a new one."),
            _ => (InvalidTokenCode, "The bearer token is not valid here: malformed, wrongly signed, not yet valid, or for another issuer or audience."),
        };

        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{detail}\"";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Detail = detail,
            Extensions = { [ApiProblems.CodeExtension] = code },
        };
        var writer = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = problem });
    }
}
