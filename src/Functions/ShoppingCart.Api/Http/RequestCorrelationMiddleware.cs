using System.Diagnostics;

namespace ShoppingCart.Api.Http;

/// <summary>
/// Gives every request its <see cref="CorrelationId"/>: stored for the endpoints, echoed in the response (also on
/// error responses, since the header is added when the response starts), and put in a logging scope so every log
/// line of the request carries it. Ends with one structured log line per request.
/// </summary>
public sealed partial class RequestCorrelationMiddleware(RequestDelegate next, ILogger<RequestCorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var correlationId = CorrelationId.FromCallerOrNew(context.Request.Headers[CorrelationId.HeaderName]);
        context.Features.Set(correlationId);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = correlationId.Value;
            return Task.CompletedTask;
        });

        using (logger.BeginScope("CorrelationId:{CorrelationId}", correlationId.Value))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                LogRequestAnswered(
                    context.Request.Method,
                    context.Request.Path,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    correlationId.Value);
            }
        }
    }

    // The id is in the message too, so the plain one-line console format shows it when running locally.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (correlation id {CorrelationId})")]
    private partial void LogRequestAnswered(string method, PathString path, int statusCode, double elapsedMilliseconds, string correlationId);
}
