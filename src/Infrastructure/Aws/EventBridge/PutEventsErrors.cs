using System.Net;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// Classifies PutEvents failures as the API reference documents them: per-entry codes <c>InternalFailure</c> and
/// <c>ThrottlingException</c> are retryable; <c>MalformedDetail</c> and <c>InvalidArgument</c> reject the entry itself;
/// the rest (<c>AccessDeniedException</c>, <c>NotAuthorizedForSourceException</c>, ...) are faults of the setup.
/// </summary>
public static class PutEventsErrors
{
    /// <summary>An entry over the size limit, found before sending: EventBridge would refuse it every time.</summary>
    public const string EntryTooLarge = "EntryTooLarge";

    public const string RequestTimeout = "RequestTimeout";

    public const string NetworkError = "NetworkError";

    public const string MalformedResponse = "MalformedResponse";

    public static PutEventsFailure ForEntry(string code, string? message) => new(code, message ?? string.Empty, code switch
    {
        "ThrottlingException" or "InternalFailure" or "InternalException" or "ServiceUnavailable" => FailureDisposition.RetrySoon,
        "MalformedDetail" or "InvalidArgument" => FailureDisposition.DeadLetter,
        _ => FailureDisposition.ReportFailed,
    });

    /// <summary>The whole call failed: every entry of it shares the outcome; none is dead-lettered for it.</summary>
    public static PutEventsFailure ForRequest(HttpStatusCode status, string? code, string? message)
    {
        var retryable = (int)status >= 500
            || status == HttpStatusCode.TooManyRequests
            || code is "ThrottlingException" or "ThrottledException" or "RequestLimitExceeded" or "InternalException" or "InternalFailure";
        var described = $"HTTP {(int)status}{(code is null ? string.Empty : $" {code}")}: {message}";
        return new PutEventsFailure(code ?? $"HTTP{(int)status}", described, retryable ? FailureDisposition.RetrySoon : FailureDisposition.ReportFailed);
    }
}
