namespace ShoppingCart.Application.IntegrationEvents;

/// <summary>
/// Event ids derived from (cart id, cart version, index): a retried save or a replayed publish carries the same id,
/// so consumers can dedupe.
/// </summary>
public static class EventIds
{
    public static string For(string cartId, long cartVersion, int index) =>
        NameBasedGuid.From($"shopping-cart/{cartId}/{cartVersion}/{index}").ToString("D");
}
