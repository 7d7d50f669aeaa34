namespace ShoppingCart.Application.Operations;

/// <summary>Backlog, oldest unpublished age, relay position and lease holder, dead-letter count.</summary>
public sealed class ReadOutboxStatus(IOutboxStatusSource source, TimeProvider clock)
{
    public async Task<OutboxStatusReport> RunAsync(CancellationToken cancellationToken)
    {
        var status = await source.ReadAsync(cancellationToken);
        var age = status.OldestUnpublishedAt is { } oldest ? clock.GetUtcNow() - oldest : (TimeSpan?)null;
        return new OutboxStatusReport(status, age is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : age);
    }
}
