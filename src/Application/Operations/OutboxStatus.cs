namespace ShoppingCart.Application.Operations;

/// <summary>The outbox's health as one family can tell it; a null field is one this family cannot measure (see <see cref="Notes"/>).</summary>
/// <param name="Backlog">Events committed but not yet handled by the relay.</param>
/// <param name="OldestUnpublishedAt">When the oldest of those occurred.</param>
/// <param name="Checkpoint">The relay's position (the last outbox sequence it handled).</param>
/// <param name="Relay">Who holds the relay lease, in words.</param>
/// <param name="HeadFailure">The event the relay is stuck at and why, while it retries.</param>
/// <param name="DeadLetters">Dead letters kept.</param>
/// <param name="Notes">Where to look for what this family cannot measure here.</param>
public sealed record OutboxStatus(
    long? Backlog,
    DateTimeOffset? OldestUnpublishedAt,
    string? Checkpoint,
    string? Relay,
    string? HeadFailure,
    long DeadLetters,
    IReadOnlyList<string> Notes);
