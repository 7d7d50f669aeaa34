using ShoppingCart.Domain;

namespace ShoppingCart.Application.Operations;

/// <summary>Why an operator command refused to act, with a stable code a console can map (404 for nothing found).</summary>
public static class OperationErrors
{
    public static Error NothingDeadLettered() =>
        Error.NotFound("outbox.nothing_dead_lettered", "Nothing is dead-lettered: there is nothing to replay.");

    public static Error UnknownEventIds(IEnumerable<string> ids) =>
        Error.NotFound("outbox.unknown_event_id", $"No dead letter has event id {string.Join(", ", ids)}; nothing was replayed.");

    public static Error NothingToRepublish(RepublishScope scope) =>
        Error.NotFound("outbox.nothing_to_republish", $"The outbox holds no published event for {scope}.");

    public static Error InvalidWindow() =>
        Error.Validation("outbox.invalid_window", "until", "--until must be later than --since.");
}
