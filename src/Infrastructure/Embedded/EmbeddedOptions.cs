namespace ShoppingCart.Infrastructure.Embedded;

/// <summary>
/// Settings of the embedded family, bound from <c>ShoppingCart:Embedded</c>. Relative paths are resolved against the
/// host's content root (or the current directory), so a laptop run keeps its files under a git-ignored <c>.data/</c>.
/// </summary>
public sealed class EmbeddedOptions
{
    public const string SectionName = "ShoppingCart:Embedded";

    /// <summary>The SQLite file holding carts, the outbox, the relay checkpoint and dead letters.</summary>
    public string DatabasePath { get; set; } = Path.Combine(".data", "shopping-cart.db");

    /// <summary>How long a writer waits for SQLite's single write lock before the save fails as transient.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an outbox row is kept after it was written; a row is deleted only once it is also published (the twin
    /// of the DynamoDB outbox TTL, which is longer than the stream's 24 h so a replay can cover an outage).
    /// </summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(2);

    public OutboxRelayOptions Relay { get; set; } = new();

    public LocalEventBusOptions EventBus { get; set; } = new();
}
