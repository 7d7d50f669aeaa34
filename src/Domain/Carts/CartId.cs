using System.Diagnostics.CodeAnalysis;

namespace ShoppingCart.Domain.Carts;

/// <summary>Identifies a cart. Rendered as a lower-case hyphenated GUID in URLs, tables and events.</summary>
public readonly record struct CartId(Guid Value)
{
    public static bool TryParse([NotNullWhen(true)] string? text, out CartId id)
    {
        var parsed = Guid.TryParse(text, out var value) && value != Guid.Empty;
        id = parsed ? new CartId(value) : default;
        return parsed;
    }

    public static CartId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a cart id.");

    public override string ToString() => Value.ToString("D");
}
