namespace ShoppingCart.Infrastructure.Aws.Sqs;

/// <summary>Where outbox records that can never be published are kept: configuration section <c>ShoppingCart:DeadLetterQueue</c>.</summary>
public sealed class DeadLetterQueueOptions
{
    public const string SectionName = "ShoppingCart:DeadLetterQueue";

    /// <summary>The SQS queue URL. Required.</summary>
    public Uri? QueueUrl { get; set; }

    /// <summary>Region of the queue; when not configured, the EventBridge region.</summary>
    public string? Region { get; set; }

    /// <summary>Endpoint override; when not configured, <c>AWS_ENDPOINT_URL_SQS</c>, then <c>AWS_ENDPOINT_URL</c>, then the region's.</summary>
    public Uri? Endpoint { get; set; }
}
