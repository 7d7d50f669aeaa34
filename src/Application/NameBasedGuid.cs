using System.Security.Cryptography;
using System.Text;

namespace ShoppingCart.Application;

/// <summary>
/// A GUID derived from a name: the first 16 bytes of its SHA-256, stamped as an RFC 9562 version 8 (custom) UUID. The
/// same name always gives the same GUID, which is what makes event ids and idempotent cart ids repeatable.
/// </summary>
public static class NameBasedGuid
{
    public static Guid From(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
