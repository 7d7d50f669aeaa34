namespace ShoppingCart.Domain;

/// <summary>What kind of expected failure an <see cref="Error"/> is; the API maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a limit or format rule (HTTP 400).</summary>
    Validation,

    /// <summary>The addressed cart or line does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The input is well formed but the cart's current state refuses it (HTTP 409).</summary>
    RuleViolation,

    /// <summary>The cart is not at the version the caller stated it expected (HTTP 412): read it again.</summary>
    StaleVersion,

    /// <summary>Other requests kept changing the cart through every attempt the application made (HTTP 409): try again.</summary>
    Contention,

    /// <summary>The caller asked to act for someone else (HTTP 403).</summary>
    Forbidden,
}
