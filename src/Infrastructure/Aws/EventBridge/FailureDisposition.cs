namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// What to do about an entry PutEvents did not accept. The publisher turns each into the application's
/// <see cref="Application.Abstractions.PublishStatus"/>: RetrySoon is retried here and, once the budget is spent,
/// is RetryableFailure; ReportFailed is RetryableFailure at once; DeadLetter is PermanentFailure.
/// </summary>
public enum FailureDisposition
{
    /// <summary>Transient (throttling, internal failure, 5xx, timeout): send it again after a backoff, within the budget.</summary>
    RetrySoon,

    /// <summary>
    /// Not retried now, not dead-lettered either: a fault of the setup (permissions, a missing bus) that a fix makes
    /// publishable, so the entry is reported failed and the stream keeps it.
    /// </summary>
    ReportFailed,

    /// <summary>The entry itself can never be accepted (malformed, invalid, too large): dead-letter it.</summary>
    DeadLetter,
}
