namespace ShoppingCart.Application.Abstractions;

public enum SaveOutcome
{
    Saved,

    /// <summary>The stored version was not the expected one; nothing was written.</summary>
    VersionConflict,
}
