using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Api.Http;

/// <summary>
/// The store's faults as answers a client can act on, each with its stable code. Busy (SQLite locked past its timeout,
/// DynamoDB throttling) and full (no disk space) wrote nothing: 503 with <c>Retry-After</c>, send it again. An outcome the
/// store could not settle may have been applied: 500 <c>service.outcome_unknown</c>, read the cart before retrying.
/// </summary>
public sealed partial class StoreFaultExceptionHandler(IProblemDetailsService problemDetails, ILogger<StoreFaultExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying a busy store.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Seconds a client should wait before retrying a full store: freeing space takes an operator.</summary>
    public const int StorageFullRetryAfterSeconds = 60;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        (ProblemDetails Problem, int? RetryAfter)? answer = exception switch
        {
            TransientStoreException => (ApiProblems.StoreBusy(), RetryAfterSeconds),
            StorageFullException => (ApiProblems.StorageFull(), StorageFullRetryAfterSeconds),
            StoreOutcomeUnknownException => (ApiProblems.OutcomeUnknown(), null),
            _ => null,
        };
        if (answer is null)
        {
            return false;
        }

        var (problem, retryAfter) = answer.Value;
        LogStoreFault(exception, problem.Status!.Value);
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (retryAfter is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cart store could not take the write; answered {Status}")]
    private partial void LogStoreFault(Exception exception, int status);
}
