using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// The errors a refused write becomes. The domain cannot raise them (it never sees the store); the application decides
/// which one a refusal is, and the API only maps each kind to its status.
/// </summary>
public static class CartConflicts
{
    /// <summary>The code of both version conflicts: clients tell them apart by status (412 re-read, 409 try again).</summary>
    public const string VersionConflictCode = "cart.version_conflict";

    public const string AlreadyExistsCode = "cart.already_exists";

    /// <summary>The cart was read at another version than the one the caller stated.</summary>
    public static Error StaleVersion(CartId id, long expected, long actual) =>
        new(ErrorKind.StaleVersion, VersionConflictCode, $"Cart {id} is at version {actual}, not the expected {expected}.");

    /// <summary>The cart was at the stated version when read, but another request changed it before this one was written.</summary>
    public static Error ChangedAfterRead(CartId id) =>
        new(ErrorKind.StaleVersion, VersionConflictCode, $"Cart {id} was changed by another request after it was read at the expected version; read it again.");

    /// <summary>Other requests changed the cart before each of this request's attempts was written.</summary>
    public static Error Contention(CartId id) =>
        new(ErrorKind.Contention, VersionConflictCode, $"Cart {id} was changed by another request; read it again and retry.");

    /// <summary>A new cart's id is taken (without an idempotency key only a duplicated generated id can cause it).</summary>
    public static Error AlreadyExists(CartId id) =>
        Error.RuleViolation(AlreadyExistsCode, $"Cart {id} already exists.");
}
