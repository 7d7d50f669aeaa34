namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// When the current invocation ends (one per request scope): the Lambda forwarder sets it from the invocation's deadline,
/// and the publisher sends nothing it could not see answered before then. Unset, only the retry budget bounds a publish.
/// </summary>
public sealed class PublishDeadline
{
    public DateTimeOffset? At { get; set; }
}
