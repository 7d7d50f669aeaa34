namespace ShoppingCart.Benchmarks.WolverinePeer;

/// <summary>Wolverine's handler for the durable local queue: one JSON line per event in the event log.</summary>
public static class CartChangedHandler
{
    public const string Queue = "cart-events";

    public static void Handle(CartChanged message, EventLogFile log) => log.Append(message);
}
