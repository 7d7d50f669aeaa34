namespace ShoppingCart.Application.Abstractions;

/// <summary>The store has no room left (a full disk); nothing was written, and the write can succeed once space is freed.</summary>
public sealed class StorageFullException : Exception
{
    public StorageFullException()
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
