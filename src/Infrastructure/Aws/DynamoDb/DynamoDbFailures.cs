using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>Sorts what DynamoDB answered (after the SDK's own retries) into "try again later" and "fix something".</summary>
internal static class DynamoDbFailures
{
    /// <summary>A <see cref="TransientStoreException"/> for throttling and server faults, else a <see cref="DynamoDbStoreException"/>.</summary>
    /// <param name="failure">What the SDK threw.</param>
    /// <param name="operation">What was attempted, naming the table(s), e.g. <c>GetItem on table 'carts'</c>.</param>
    public static Exception Translate(AmazonServiceException failure, string operation)
    {
        var code = failure.ErrorCode ?? failure.StatusCode.ToString();
        return IsRetryable(failure)
            ? new TransientStoreException($"{operation} failed with {code} (retryable): {failure.Message}", failure)
            : new DynamoDbStoreException($"{operation} failed with {code}: {failure.Message}", code, failure);
    }

    /// <summary>
    /// DynamoDB did not answer at all (connection refused or reset, the SDK's attempt timeout), even after the SDK's
    /// retries. Not the caller giving up: that cancellation stays a cancellation.
    /// </summary>
    public static bool IsUnreachable(Exception failure, CancellationToken callerToken) =>
        failure is HttpRequestException or TimeoutException ||
        (failure is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>
    /// A write that may have been applied although no success came back: no answer at all, a server error that outlasted
    /// the SDK's retries, or a transaction with the same token still in progress: any of them may hide a commit.
    /// Throttling and cancellation reasons are answers: nothing was written.
    /// </summary>
    public static bool LeavesOutcomeUnknown(Exception failure, CancellationToken callerToken) =>
        IsUnreachable(failure, callerToken) ||
        failure is TransactionInProgressException or InternalServerErrorException ||
        (failure is AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } and not TransactionCanceledException);

    public static TransientStoreException Unreachable(Exception failure, string operation) =>
        new($"{operation} got no answer from DynamoDB (retryable): {failure.Message}", failure);

    /// <summary>Throttling of either capacity mode, a transaction still running under the same token, or a 5xx.</summary>
    public static bool IsRetryable(AmazonServiceException failure) =>
        failure is ProvisionedThroughputExceededException
            or RequestLimitExceededException
            or ThrottlingException
            or TransactionInProgressException
            or InternalServerErrorException
        || failure.StatusCode >= HttpStatusCode.InternalServerError;

    /// <summary>The per-item codes of a cancelled transaction that a later attempt can get past.</summary>
    public static bool IsRetryableCancellation(string? code) =>
        code is TransactionConflict or "ProvisionedThroughputExceeded" or "ThrottlingError";

    /// <summary>Another transaction was writing the same item: the conflict path (reload and retry), like a stale version.</summary>
    public const string TransactionConflict = "TransactionConflict";
}
