namespace ShoppingCart.Domain.Carts;

/// <summary>The shop's identifier of the customer who owns a cart: 1–64 printable characters, no surrounding spaces.</summary>
public readonly record struct CustomerId
{
    public const int MaxLength = 64;

    /// <summary>The rule as a client reads it in a validation error.</summary>
    public static readonly string Rule = $"customerId must be 1 to {MaxLength} printable characters without leading or trailing spaces.";

    private CustomerId(string value) => Value = value;

    public string Value { get; }

    public static Result<CustomerId> Create(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Trim().Length != value.Length || value.Any(char.IsControl))
        {
            return Error.Validation(CartErrors.InvalidCustomerIdCode, "customerId", Rule);
        }

        return new CustomerId(value);
    }

    /// <summary>Restores a value that was valid when it was stored.</summary>
    public static CustomerId FromTrusted(string value) => new(value);

    public override string ToString() => Value;
}
