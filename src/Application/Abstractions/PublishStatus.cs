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

    /// <summary>Will never succeed as it is (malformed, too large, access denied): dead-letter it.</summary>
    PermanentFailure,
}
