using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ShoppingCart.Api.Http;

/// <summary>
/// Problem bodies for the error answers the framework gives without one: no route matched (404), the method is not
/// mapped (405), routing found the body's media type is not one the endpoint accepts (415), the server cut a body
/// off at its size limit (413). Other bare statuses get a plain problem for their status.
/// </summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var httpContext = context.HttpContext;
        var status = httpContext.Response.StatusCode;
        var problem = status switch
        {
            StatusCodes.Status404NotFound => ApiProblems.NotFound(),
            StatusCodes.Status405MethodNotAllowed => ApiProblems.MethodNotAllowed(),
            StatusCodes.Status413PayloadTooLarge => ApiProblems.BodyTooLarge(RequestBodyLimitMiddleware.MaxBodyBytes),
            StatusCodes.Status415UnsupportedMediaType => ApiProblems.UnsupportedMediaType(),
            _ => new ProblemDetails { Status = status },
        };
        var writer = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        return writer.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).AsTask();
    }
}
