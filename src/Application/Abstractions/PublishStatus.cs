namespace ShoppingCart.Application.Abstractions;

/// <summary>
/// A publisher's verdict on one record; forwarding turns it into a <see cref="Outbox.ForwardStatus"/> (RetryableFailure
/// into RetryLater, PermanentFailure into DeadLettered). Adapters decide the verdict from their own failure kinds
/// (EventBridge: <c>FailureDisposition</c>).
/// </summary>
public enum PublishStatus
{
    Published,

    /// <summary>May succeed later (throttling, internal failure, timeout): try again.</summary>
    RetryableFailure,

    /// <summary>Will never succeed as it is (malformed, invalid, too large): dead-letter it.</summary>
    PermanentFailure,

    /// <summary>
    /// A fault of the setup, not of the event (access denied, not authorized for the source, a missing bus): a fix makes
    /// it publishable, so it is kept and retried like a retryable failure, and the relay must fail loudly, not quietly.
    /// </summary>
    SetupFault,
}
