using System.Globalization;

namespace ShoppingCart.Api.Http;

/// <summary>
/// The <c>If-Match</c> header of a change request. A cart's ETag is its version in quotes (<c>"3"</c>); the weak
/// form (<c>W/"3"</c>) and a bare <c>3</c> are accepted too, since clients and proxies produce them and the version
/// is exact either way. <c>*</c> only asks for the cart to exist, so it carries no version.
/// A header that is present but not one of these forms is refused with 400 rather than 412: 412 tells a client
/// that the cart changed and it should re-read, which would send a client with a broken header into a loop.
/// </summary>
public readonly record struct IfMatchPrecondition(long? ExpectedVersion)
{
    public const string HeaderName = "If-Match";

    public static readonly IfMatchPrecondition None = new(null);

    public static bool TryParse(string? header, out IfMatchPrecondition precondition)
    {
        precondition = None;
        if (header is null)
        {
            return true;
        }

        var tag = header.Trim();
        if (tag == "*")
        {
            return true;
        }

        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"')
        {
            tag = tag[1..^1];
        }

        if (!long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        precondition = new IfMatchPrecondition(version);
        return true;
    }

    /// <summary>The ETag of a cart at <paramref name="version"/>: a strong entity tag.</summary>
    public static string EntityTagOf(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
