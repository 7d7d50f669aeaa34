using Microsoft.Extensions.Options;

namespace ShoppingCart.Infrastructure.Aws.Sqs;

public sealed class DeadLetterQueueOptionsValidator : IValidateOptions<DeadLetterQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadLetterQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string section = DeadLetterQueueOptions.SectionName;

        if (options.QueueUrl is not { IsAbsoluteUri: true })
        {
            failures.Add($"{section}:QueueUrl is required and must be an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{section}:Region is required (or set ShoppingCart:EventBridge:Region or AWS_REGION).");
        }

        if (options.Endpoint is { IsAbsoluteUri: false })
        {
            failures.Add($"{section}:Endpoint must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
