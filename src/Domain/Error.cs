namespace ShoppingCart.Domain;

/// <summary>An expected failure: returned, never thrown.</summary>
/// <param name="Kind">How callers should treat it.</param>
/// <param name="Code">A stable, machine-readable code such as <c>cart.checked_out</c>.</param>
/// <param name="Message">A sentence a client developer can act on.</param>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFieldErrors = new Dictionary<string, string[]>();

    /// <summary>Per-field messages for <see cref="ErrorKind.Validation"/> errors, keyed by camelCase JSON path.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = NoFieldErrors;

    public static Error Validation(string code, string field, string message) =>
        new(ErrorKind.Validation, code, message) { FieldErrors = new Dictionary<string, string[]> { [field] = [message] } };

    public static Error RuleViolation(string code, string message) => new(ErrorKind.RuleViolation, code, message);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
}
