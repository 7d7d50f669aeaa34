namespace ShoppingCart.Infrastructure.Embedded;

/// <summary>The local event bus (section <c>ShoppingCart:Embedded:EventBus</c>).</summary>
public sealed class LocalEventBusOptions
{
    /// <summary>The JSON-lines file every published event envelope is appended to (the twin of the CloudWatch log group).</summary>
    public string EventLogPath { get; set; } = Path.Combine(".data", "events.jsonl");

    /// <summary>The envelope's <c>source</c>, as the EventBridge publisher sets it.</summary>
    public string Source { get; set; } = "shopping-cart";

    /// <summary>
    /// Share of entries (0 to 1) failed on purpose with <c>ThrottlingException</c> or <c>InternalFailure</c>, so tests
    /// and demos can watch the relay retry. 0 in normal use.
    /// </summary>
    public double FailureRate { get; set; }

    /// <summary>Seed of the fault injection's random choices; null picks a fresh one. Set it for repeatable runs.</summary>
    public int? FaultSeed { get; set; }
}
