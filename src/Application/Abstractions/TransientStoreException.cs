namespace ShoppingCart.Application.Abstractions;

/// <summary>A store fault worth retrying (throttling, a busy database); nothing was written, for certain.</summary>
public sealed class TransientStoreException : Exception
{
    public TransientStoreException()
    {
    }

    public TransientStoreException(string message)
        : base(message)
    {
    }

    public TransientStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
