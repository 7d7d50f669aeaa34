namespace ShoppingCart.Application.Abstractions;

/// <summary>
/// The store could not tell whether a write was applied: it was sent, no answer settled it (a timeout, a dropped
/// connection, server errors past every retry), and neither resending the identical request nor reading its result
/// back decided it. Retrying blindly could apply a change twice; the caller must read the current state first.
/// </summary>
public sealed class StoreOutcomeUnknownException : Exception
{
    public StoreOutcomeUnknownException()
    {
    }

    public StoreOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public StoreOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
