namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>Where and how the forwarder publishes: configuration section <c>ShoppingCart:EventBridge</c>.</summary>
public sealed class EventBridgeOptions
{
    public const string SectionName = "ShoppingCart:EventBridge";

    public const string DefaultSource = "shopping-cart";

    /// <summary>The custom bus the service's events go to (its name or ARN). Required.</summary>
    public string EventBusName { get; set; } = string.Empty;

    /// <summary>The entries' <c>Source</c>: the service name rules match on.</summary>
    public string Source { get; set; } = DefaultSource;

    /// <summary>Region to call and sign for; when not configured, <c>AWS_REGION</c> (set by Lambda) or <c>AWS_DEFAULT_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// Endpoint override; when not configured, <c>AWS_ENDPOINT_URL_EVENTBRIDGE</c>, then <c>AWS_ENDPOINT_URL</c>, then the
    /// region's public endpoint.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// How long one publish may keep retrying retryable failures. What is still failing then is reported back and the
    /// stream retries it: keep it well inside the Lambda timeout.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Backoff before the first retry; it doubles per retry up to <see cref="RetryMaxDelay"/>, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One PutEvents call that takes longer is abandoned and counted as a retryable failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>PutEvents calls in flight at once when a publish needs several (at most 10 entries each).</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>The endpoint actually called: the override if any, else the region's.</summary>
    public Uri ResolveEndpoint() =>
        Endpoint ?? new Uri($"https://events.{Region}.{Amazon.RegionEndpoint.GetBySystemName(Region).PartitionDnsSuffix}");
}
