using System.Globalization;
using ShoppingCart.Application.Operations;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// The operator's side of the <c>dead_letters</c> table. A row is never hidden from other readers, so releasing is a
/// no-op; removing deletes by outbox sequence, so a row the relay dead-letters meanwhile is never touched.
/// </summary>
public sealed class SqliteDeadLetterStore(SqliteDatabase database) : IDeadLetterStore
{
    public async Task<IReadOnlyList<DeadLetter>> ReceiveAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, raw_content, reason, dead_lettered_at FROM dead_letters ORDER BY sequence;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            var id = OutboxPositions.Format(sequence);
            letters.Add(new DeadLetter(id, id, OutboxRowJson.Read(sequence, reader.GetString(1)), reader.GetString(2), Timestamps.Parse(reader.GetString(3))));
        }

        return letters;
    }

    public async Task<IReadOnlyList<DeadLetterRemovalFailure>> RemoveAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            return [];
        }

        using var turn = await database.TakeWriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var letter in letters)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM dead_letters WHERE sequence = $sequence;";
            command.Parameters.AddWithValue("$sequence", OutboxPositions.Parse(letter.Id));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    public Task ReleaseAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForRelayAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dead_letters;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
