namespace ShoppingCart.Operations;

/// <summary>The command line cannot be understood; the message says what is wrong.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("The command line is not valid.")
    {
    }

    public UsageException(string message, Exception innerException)
        : this($"{message} ({innerException.Message})")
    {
    }
}
