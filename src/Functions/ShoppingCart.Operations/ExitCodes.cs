namespace ShoppingCart.Operations;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command refused to act, failed, or left something not done (the reason is on stderr).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
}
