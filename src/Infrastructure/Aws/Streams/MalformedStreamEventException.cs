namespace ShoppingCart.Infrastructure.Aws.Streams;

/// <summary>
/// The body is not a DynamoDB stream event at all (not JSON, no <c>Records</c>, a record without a sequence number):
/// nothing in it can be reported back by position, so the whole invocation must fail and be retried.
/// </summary>
public sealed class MalformedStreamEventException : Exception
{
    public MalformedStreamEventException()
    {
    }

    public MalformedStreamEventException(string message)
        : base(message)
    {
    }

    public MalformedStreamEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
