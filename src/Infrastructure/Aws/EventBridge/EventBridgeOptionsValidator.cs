using Microsoft.Extensions.Options;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>Refuses to start with settings that would only fail at the first batch.</summary>
public sealed class EventBridgeOptionsValidator : IValidateOptions<EventBridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, EventBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string section = EventBridgeOptions.SectionName;

        if (EventBridgeNames.BusNameProblem(options.EventBusName) is { } busProblem)
        {
            failures.Add($"{section}:EventBusName {busProblem}.");
        }

        if (EventBridgeNames.SourceProblem(options.Source) is { } sourceProblem)
        {
            failures.Add($"{section}:Source {sourceProblem}, not '{options.Source}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{section}:Region is required (or set AWS_REGION).");
        }

        if (options.Endpoint is { IsAbsoluteUri: false })
        {
            failures.Add($"{section}:Endpoint must be an absolute URL.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:RetryBaseDelay must be positive and RetryMaxDelay at least as long.");
        }

        if (options.RetryBudget < TimeSpan.Zero)
        {
            failures.Add($"{section}:RetryBudget must not be negative.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:RequestTimeout must be positive.");
        }

        if (options.MaxConcurrentRequests < 1)
        {
            failures.Add($"{section}:MaxConcurrentRequests must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
