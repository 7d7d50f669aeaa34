using Microsoft.AspNetCore.Http.Features;

namespace ShoppingCart.Api.Http;

/// <summary>
/// Caps request bodies at <see cref="MaxBodyBytes"/>: the largest valid request (100 lines of 64-character skus)
/// is well under it. A declared Content-Length over the cap is refused before anything reads the body; a body
/// without one (chunked) is capped by the server while it is read, which ends in the same 413 problem through
/// <see cref="BadRequestExceptionHandler"/>.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public const long MaxBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ApiProblems.BodyTooLarge(MaxBodyBytes) });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = MaxBodyBytes;
        }

        await next(context);
    }
}
