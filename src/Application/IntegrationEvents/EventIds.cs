using System.Security.Cryptography;
using System.Text;

namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>
/// Event ids derived from (cart id, cart version, index): a retried save or a replayed publish carries the same id,
/// so consumers can dedupe. Formatted as an RFC 9562 version 8 (custom) UUID from the SHA-256 of the key.
/// </summary>
public static class EventIds
{
    public static string For(string cartId, long cartVersion, int index)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"shopping-cart/{cartId}/{cartVersion}/{index}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
