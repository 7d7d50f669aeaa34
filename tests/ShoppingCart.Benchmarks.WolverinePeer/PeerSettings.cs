namespace ShoppingCart.Benchmarks.WolverinePeer;

/// <summary>The configuration keys: the service's own, so the harness points both apps at a scratch folder the same way.</summary>
public static class PeerSettings
{
    public const string DatabasePath = "ShoppingCart:Embedded:DatabasePath";
    public const string EventLogPath = "ShoppingCart:Embedded:EventBus:EventLogPath";
}
