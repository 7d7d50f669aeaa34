namespace ShoppingCart.Application.Operations;

/// <summary>The outbox as kept for its retention (SQLite rows; DynamoDB items before their TTL), read back for republishing.</summary>
public interface IOutboxHistory
{
    Task<OutboxSelection> FindAsync(RepublishScope scope, CancellationToken cancellationToken);
}
