namespace ShoppingCart.Application.Operations;

/// <summary>Lists the dead letters without taking them: each is released as soon as it has been read.</summary>
public sealed class ListDeadLetters(IDeadLetterStore store)
{
    public async Task<IReadOnlyList<DeadLetter>> RunAsync(CancellationToken cancellationToken)
    {
        var letters = await store.ReceiveAllAsync(cancellationToken);
        await store.ReleaseAsync(letters, cancellationToken);
        return [.. letters.OrderBy(l => l.DeadLetteredAt)];
    }
}
