namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// A DynamoDB fault that retrying will not cure (a missing table, a rejected request, an unreadable item). The message
/// names the table(s) and DynamoDB's reason, so the log line alone says what to fix.
/// </summary>
public sealed class DynamoDbStoreException : Exception
{
    public DynamoDbStoreException()
    {
    }

    public DynamoDbStoreException(string message)
        : base(message)
    {
    }

    public DynamoDbStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DynamoDbStoreException(string message, string reason, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>DynamoDB's error or cancellation-reason code (e.g. <c>ValidationException</c>), when there is one.</summary>
    public string? Reason { get; }
}
