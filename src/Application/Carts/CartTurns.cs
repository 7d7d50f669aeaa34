using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Carts;

/// <summary>
/// One command at a time per cart in this process: concurrent commands on the same cart wait their turn instead of
/// racing each other to a version conflict, so all of them are applied, one version after another. Across processes
/// (two API instances, two Lambda instances) the store's version condition still decides and the loser retries.
/// </summary>
public sealed class CartTurns
{
    private readonly Dictionary<CartId, Turn> _turns = [];

    /// <summary>Waits for the cart's turn; dispose the result to pass it on.</summary>
    public async Task<IDisposable> TakeAsync(CartId id, CancellationToken cancellationToken)
    {
        Turn turn;
        lock (_turns)
        {
            if (!_turns.TryGetValue(id, out turn!))
            {
                turn = new Turn(id);
                _turns.Add(id, turn);
            }

            turn.Users++;
        }

        try
        {
            await turn.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(turn);
            throw;
        }

        return new HeldTurn(this, turn);
    }

    private void Leave(Turn turn)
    {
        lock (_turns)
        {
            // The last user forgets the cart, so the table holds only carts with a command in flight.
            if (--turn.Users == 0)
            {
                _turns.Remove(turn.Id);
            }
        }
    }

    private sealed class Turn(CartId id)
    {
        public CartId Id { get; } = id;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Commands holding or waiting for the turn; guarded by the table's lock.</summary>
        public int Users { get; set; }
    }

    private sealed class HeldTurn(CartTurns owner, Turn turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Gate.Release();
                owner.Leave(turn);
            }
        }
    }
}
