namespace ShoppingCart.Application.Operations;

/// <summary>Reads the outbox's backlog, relay position and dead-letter count from the configured family.</summary>
public interface IOutboxStatusSource
{
    Task<OutboxStatus> ReadAsync(CancellationToken cancellationToken);
}
