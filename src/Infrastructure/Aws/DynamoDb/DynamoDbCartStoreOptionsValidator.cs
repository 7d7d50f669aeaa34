using System.Buffers;
using Microsoft.Extensions.Options;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>Refuses, at start-up, a configuration DynamoDB would only refuse at the first request (or never).</summary>
public sealed class DynamoDbCartStoreOptionsValidator : IValidateOptions<DynamoDbCartStoreOptions>
{
    // DynamoDB table names: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.
    private const int MinTableNameLength = 3;
    private const int MaxTableNameLength = 255;
    private static readonly SearchValues<char> TableNameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");

    public ValidateOptionsResult Validate(string? name, DynamoDbCartStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckTableName(nameof(options.CartsTable), options.CartsTable, failures);
        CheckTableName(nameof(options.OutboxTable), options.OutboxTable, failures);
        if (options.CartsTable == options.OutboxTable)
        {
            failures.Add($"{Key(nameof(options.CartsTable))} and {Key(nameof(options.OutboxTable))} must name different tables.");
        }

        if (options.OutboxRetention <= DynamoDbSchema.Outbox.StreamRetention)
        {
            failures.Add(
                $"{Key(nameof(options.OutboxRetention))} is {options.OutboxRetention} but must exceed the stream's retention of " +
                $"{DynamoDbSchema.Outbox.StreamRetention}, or records could expire before an outage is replayed.");
        }

        if (options.ServiceUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{Key(nameof(options.ServiceUrl))} must be an absolute http or https URL, not '{url}'.");
            }

            if (string.IsNullOrWhiteSpace(options.Region))
            {
                failures.Add($"{Key(nameof(options.Region))} is required with {Key(nameof(options.ServiceUrl))}: requests are signed for a region.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTableName(string property, string? value, List<string> failures)
    {
        if (value is null || value.Length is < MinTableNameLength or > MaxTableNameLength || value.AsSpan().ContainsAnyExcept(TableNameCharacters))
        {
            failures.Add(
                $"{Key(property)} must be a DynamoDB table name ({MinTableNameLength}-{MaxTableNameLength} characters of " +
                $"a-z, A-Z, 0-9, '_', '-', '.'), not '{value}'.");
        }
    }

    private static string Key(string property) => $"{DynamoDbCartStoreOptions.SectionName}:{property}";
}
