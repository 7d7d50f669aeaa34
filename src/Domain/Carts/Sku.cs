namespace ShoppingCart.Domain.Carts;

/// <summary>A stock-keeping unit: 1–64 characters of <c>[A-Za-z0-9._-]</c>. Case-sensitive.</summary>
public readonly record struct Sku
{
    public const int MaxLength = 64;

    /// <summary>The rule as a regular expression, for contracts (the OpenAPI schema); <see cref="IsValid"/> is the check.</summary>
    public static readonly string Pattern = $"^[A-Za-z0-9._-]{{1,{MaxLength}}}$";

    /// <summary>The rule as a client reads it in a validation error.</summary>
    public static readonly string Rule = $"sku must be 1 to {MaxLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.";

    private Sku(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(IsAllowed);

    public static Result<Sku> Create(string? value, string field = "sku") =>
        IsValid(value)
            ? new Sku(value!)
            : Error.Validation(CartErrors.InvalidSkuCode, field, Rule);

    /// <summary>Restores a value that was valid when it was stored.</summary>
    public static Sku FromTrusted(string value) => new(value);

    public override string ToString() => Value;

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
