using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.ListCarts;

/// <summary>
/// The opaque cursor of a cart listing: the position of the last cart of a page, base64url-encoded. It names no
/// customer: the listing is always of the caller's own carts, so a cursor copied from someone else shows nothing new.
/// </summary>
public static class CartListCursor
{
    private const string Version = "v1";

    public static string Encode(CartListPosition position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Version}|{position.UpdatedAt.ToUniversalTime():O}|{position.CartId}")));

    public static bool TryDecode(string? cursor, out CartListPosition position)
    {
        position = default;
        if (cursor is not { Length: > 0 and <= 200 } || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
        if (parts is not [Version, var updatedAt, var cartId]
            || !DateTimeOffset.TryParseExact(updatedAt, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            || !CartId.TryParse(cartId, out var id))
        {
            return false;
        }

        position = new CartListPosition(instant, id);
        return true;
    }
}
