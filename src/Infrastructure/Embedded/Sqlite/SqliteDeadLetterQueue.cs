using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>The embedded dead-letter queue: the <c>dead_letters</c> table of the same file (the twin of the on-failure SQS queue).</summary>
public sealed class SqliteDeadLetterQueue(SqliteDatabase database, TimeProvider clock) : IDeadLetterQueue
{
    public async Task SendAsync(FeedEntry entry, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await DeadLetterRows.InsertAsync(connection, transaction: null, entry, reason, clock.GetUtcNow(), cancellationToken);
    }
}
