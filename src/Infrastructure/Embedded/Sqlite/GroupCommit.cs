using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using ShoppingCart.Application.Abstractions;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// Group commit for cart saves. Saves queue up; whoever gets the write turn writes every save queued so far in one
/// SQLite transaction, each inside its own savepoint, and commits once — one fsync (<c>synchronous = FULL</c>) makes
/// the whole group durable. Each save keeps its own version condition: one that conflicts or fails is rolled back to
/// its savepoint and answered alone while the rest commit. No save is answered before the commit returned, so an
/// acknowledged command is on disk, and a crash mid-group leaves none of the group visible (one transaction).
/// </summary>
/// <remarks>
/// One writer task runs while saves are queued and stops when the queue is empty; callers only wait for their own
/// save. Under load the group grows by itself with the number of callers waiting, and a lone save is committed at once.
/// </remarks>
internal sealed class GroupCommit(SqliteDatabase database, TimeProvider clock, TimeSpan retention)
{
    private readonly ConcurrentQueue<PendingSave> _queue = new();
    private int _writing;
    private long _committedGroups;

    /// <summary>Transactions committed so far, each holding one or more saves.</summary>
    public long CommittedGroups => Interlocked.Read(ref _committedGroups);

    /// <summary>Queues <paramref name="save"/> and returns once the group holding it has committed (or failed).</summary>
    public async Task<SaveOutcome> SaveAsync(PendingSave save, CancellationToken cancellationToken)
    {
        _queue.Enqueue(save);
        StartWriterIfIdle();
        try
        {
            return await save.Completion.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!save.TryAbandon())
        {
            // The writer already claimed this save: what its commit decides is this caller's answer.
            return await save.Completion;
        }
    }

    private void StartWriterIfIdle()
    {
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteWhileQueuedAsync, CancellationToken.None);
        }
    }

    private async Task WriteWhileQueuedAsync()
    {
        try
        {
            // The turn is given back after each group, so the relay's checkpoint writes get their turn under load too.
            // Other people's commands are in the group: no caller's cancellation may stop it midway.
            while (!_queue.IsEmpty)
            {
                using var turn = await database.TakeWriteTurnAsync(CancellationToken.None);
                await CommitQueuedAsync();
            }
        }
        catch (Exception exception)
        {
            // No write turn (another writer in this process held it past the busy timeout): fail what waits.
            while (_queue.TryDequeue(out var queued))
            {
                if (queued.TryClaim())
                {
                    queued.Fail(exception);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }

        // A save queued between the last look and the flag going down must not wait for the next caller.
        if (!_queue.IsEmpty)
        {
            StartWriterIfIdle();
        }
    }

    /// <summary>Writes every save queued now in one transaction. Runs with the write turn held.</summary>
    private async Task CommitQueuedAsync()
    {
        var group = new List<PendingSave>(_queue.Count);
        while (_queue.TryDequeue(out var queued))
        {
            if (queued.TryClaim())
            {
                group.Add(queued);
            }
        }

        if (group.Count == 0)
        {
            return;
        }

        var outcomes = new SaveOutcome[group.Count];
        var failures = new Exception?[group.Count];
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);

            // BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout). A deferred transaction
            // would read first and then fail to upgrade to a writer with SQLITE_BUSY_SNAPSHOT, which no wait can fix.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var expiresAt = clock.GetUtcNow().Add(retention).ToUnixTimeSeconds();
            for (var i = 0; i < group.Count; i++)
            {
                (outcomes[i], failures[i]) = await WriteInSavepointAsync(connection, transaction, group[i], expiresAt);
            }

            await transaction.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _committedGroups);
        }
        catch (Exception exception)
        {
            // Nothing of the group committed: every save in it fails with the cause (transient ones are retried).
            group.ForEach(save => save.Fail(exception));
            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                group[i].Fail(failure);
            }
            else
            {
                group[i].Complete(outcomes[i]);
            }
        }
    }

    /// <summary>
    /// Writes one save inside a savepoint. A version conflict or a failure of this save alone (a constraint) rolls back
    /// to the savepoint and is returned; a fault of the connection or the file is thrown and fails the whole group.
    /// </summary>
    private static async Task<(SaveOutcome, Exception?)> WriteInSavepointAsync(
        SqliteConnection connection, SqliteTransaction transaction, PendingSave save, long expiresAt)
    {
        const string Savepoint = "save";
        transaction.Save(Savepoint);
        try
        {
            if (!await CartRows.WriteCartAsync(connection, transaction, save.Cart, CancellationToken.None))
            {
                transaction.Rollback(Savepoint);
                transaction.Release(Savepoint);
                return (SaveOutcome.VersionConflict, null);
            }

            foreach (var record in save.Outbox)
            {
                await CartRows.InsertOutboxRowAsync(connection, transaction, record, expiresAt, CancellationToken.None);
            }

            transaction.Release(Savepoint);
            return (SaveOutcome.Saved, null);
        }
        catch (SqliteException exception) when (!SqliteFaults.IsTransient(exception) && IsConstraint(exception))
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            return (SaveOutcome.Saved, exception);
        }
    }

    /// <summary>SQLITE_CONSTRAINT: this save's rows broke a rule of the schema; the file and the transaction are fine.</summary>
    private static bool IsConstraint(SqliteException exception) => exception.SqliteErrorCode == 19;
}
