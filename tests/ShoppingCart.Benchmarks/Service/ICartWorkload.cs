namespace ShoppingCart.Benchmarks.Service;

/// <summary>What each HTTP client of the service benchmark does, one command per call.</summary>
internal interface ICartWorkload
{
    string Name { get; }

    /// <summary>Prepares worker <paramref name="worker"/> (e.g. creates its cart) before any timing starts.</summary>
    Task SetupAsync(int worker, CancellationToken cancellationToken);

    /// <summary>Sends worker <paramref name="worker"/>'s next command and returns what it committed.</summary>
    Task<CartAck> NextAsync(int worker, CancellationToken cancellationToken);
}
