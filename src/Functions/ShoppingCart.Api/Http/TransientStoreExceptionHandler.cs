using Microsoft.AspNetCore.Diagnostics;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Api.Http;

/// <summary>
/// A store that is momentarily unable to write (SQLite busy past its timeout, DynamoDB throttling) has written
/// nothing, so the request can simply be sent again: 503 with <c>Retry-After</c>, not a 500.
/// </summary>
public sealed partial class TransientStoreExceptionHandler(IProblemDetailsService problemDetails, ILogger<TransientStoreExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying.</summary>
    public const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not TransientStoreException)
        {
            return false;
        }

        LogStoreBusy(exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = ApiProblems.StoreBusy(),
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cart store could not take the write now; answered 503")]
    private partial void LogStoreBusy(Exception exception);
}
