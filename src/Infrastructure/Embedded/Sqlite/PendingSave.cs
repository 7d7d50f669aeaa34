using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>
/// One cart save waiting for a group commit. It is either claimed by the writer that commits the group (and then its
/// outcome is whatever that commit decides) or abandoned by its caller first (a timeout or cancellation before any
/// writer took it): never both, so a caller that gave up is never told "failed" while its write commits.
/// </summary>
internal sealed class PendingSave(Cart cart, IReadOnlyList<OutboxRecord> outbox)
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Abandoned = 2;

    private readonly TaskCompletionSource<SaveOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public Cart Cart { get; } = cart;

    public IReadOnlyList<OutboxRecord> Outbox { get; } = outbox;

    /// <summary>Completes once the group holding this save has committed durably (or failed).</summary>
    public Task<SaveOutcome> Completion => _completion.Task;

    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

    public void Complete(SaveOutcome outcome) => _completion.TrySetResult(outcome);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
