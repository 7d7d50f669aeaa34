namespace ShoppingCart.Application.Abstractions;

/// <summary>What happened to one record handed to <see cref="IEventPublisher"/>.</summary>
public sealed record PublishOutcome(PublishStatus Status, string? ErrorCode = null, string? ErrorMessage = null)
{
    public static readonly PublishOutcome Published = new(PublishStatus.Published);

    public static PublishOutcome Retryable(string code, string message) => new(PublishStatus.RetryableFailure, code, message);

    public static PublishOutcome Permanent(string code, string message) => new(PublishStatus.PermanentFailure, code, message);

    public static PublishOutcome Setup(string code, string message) => new(PublishStatus.SetupFault, code, message);
}
