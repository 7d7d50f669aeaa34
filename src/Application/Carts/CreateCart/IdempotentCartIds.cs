using System.Security.Cryptography;
using System.Text;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts.CreateCart;

/// <summary>
/// The cart id a create with an <c>Idempotency-Key</c> gets: derived from the customer and the key, so a retried
/// request addresses the same cart and the store's create condition (<c>attribute_not_exists</c>) turns the retry into
/// a replay — no table of keys to keep or expire. Scoped by customer so two customers' keys never collide.
/// </summary>
public static class IdempotentCartIds
{
    public const int MaxKeyLength = 128;

    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is > ' ' and <= '~');

    public static CartId For(CustomerId customerId, string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"shopping-cart/create/{customerId.Value}\n{idempotencyKey}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new CartId(new Guid(bytes, bigEndian: true));
    }
}
