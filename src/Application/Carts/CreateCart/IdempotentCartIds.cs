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

    public static CartId For(CustomerId customerId, string idempotencyKey) =>
        new(NameBasedGuid.From($"shopping-cart/create/{customerId.Value}\n{idempotencyKey}"));
}
