using Amazon.DynamoDBv2.Model;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// Reads a <see cref="TransactionCanceledException"/> reason by reason. DynamoDB lists one reason per item in request
/// order (<c>None</c> for an item without fault), and the save puts the cart first, then its outbox items.
/// </summary>
internal static class TransactionCancellation
{
    public const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string NoFault = "None";

    /// <summary>The cart's own condition (the first item) failed: its stored version is not the expected one.</summary>
    public static bool CartConditionFailed(TransactionCanceledException cancellation) =>
        cancellation.CancellationReasons is { Count: > 0 } reasons && reasons[0].Code == ConditionalCheckFailed;

    /// <summary>
    /// <see cref="SaveOutcome.VersionConflict"/> when the cart's condition failed or another transaction was writing the
    /// same items (TransactionConflict: the caller reloads and retries, as for a stale version); otherwise throws a
    /// <see cref="TransientStoreException"/> (throttling) or a <see cref="DynamoDbStoreException"/>.
    /// </summary>
    /// <param name="cancellation">What the SDK threw.</param>
    /// <param name="itemDescriptions">One description per transaction item, in request order, naming its table and key.</param>
    public static SaveOutcome Interpret(TransactionCanceledException cancellation, IReadOnlyList<string> itemDescriptions)
    {
        // SDK v4 leaves collections null, not empty, when the answer has none.
        var reasons = cancellation.CancellationReasons ?? [];
        if (CartConditionFailed(cancellation))
        {
            return SaveOutcome.VersionConflict;
        }

        var faults = reasons
            .Select((reason, index) => (reason.Code, reason.Message, Item: index < itemDescriptions.Count ? itemDescriptions[index] : $"transaction item {index}"))
            .Where(fault => fault.Code is not null && fault.Code != NoFault)
            .ToList();
        if (faults.Count == 0)
        {
            throw new DynamoDbStoreException(
                $"TransactWriteItems on {string.Join(", ", itemDescriptions)} was cancelled without a reason: {cancellation.Message}",
                cancellation.ErrorCode ?? nameof(TransactionCanceledException),
                cancellation);
        }

        var described = string.Join("; ", faults.Select(f => $"{f.Item}: {f.Code}{(f.Message is null ? string.Empty : $" ({f.Message})")}"));
        if (faults.All(f => DynamoDbFailures.IsRetryableCancellation(f.Code)) && faults.Any(f => f.Code == DynamoDbFailures.TransactionConflict))
        {
            return SaveOutcome.VersionConflict;
        }

        if (faults.All(f => DynamoDbFailures.IsRetryableCancellation(f.Code)))
        {
            throw new TransientStoreException($"TransactWriteItems was cancelled (retryable): {described}", cancellation);
        }

        var first = faults.First(f => !DynamoDbFailures.IsRetryableCancellation(f.Code));
        var hint = first.Code == ConditionalCheckFailed
            ? " An outbox item with this key already exists although the cart's version condition held; outbox keys are derived from the cart version, so the tables disagree."
            : string.Empty;
        throw new DynamoDbStoreException($"TransactWriteItems was cancelled: {described}.{hint}", first.Code!, cancellation);
    }
}
