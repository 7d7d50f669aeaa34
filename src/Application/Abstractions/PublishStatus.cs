namespace ShoppingCart.Application.Abstractions;

public enum PublishStatus
{
    Published,

    /// <summary>May succeed later (throttling, internal failure, timeout): try again.</summary>
    RetryableFailure,

    /// <summary>Will never succeed as it is (malformed, too large, access denied): dead-letter it.</summary>
    PermanentFailure,
}
