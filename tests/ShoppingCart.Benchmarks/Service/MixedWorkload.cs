namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// A cart's life, over and over: create (one item), add, add, remove one unit, check out — five commands, each an
/// operation, each committing one event.
/// </summary>
internal sealed class MixedWorkload(CartApiClient api, int concurrency) : ICartWorkload
{
    private const int Steps = 5;

    private readonly string[] _carts = new string[concurrency];
    private readonly int[] _step = new int[concurrency];

    public string Name => "mixed";

    public Task SetupAsync(int worker, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<CartAck> NextAsync(int worker, CancellationToken cancellationToken)
    {
        var step = _step[worker];
        var cart = _carts[worker];
        var ack = step switch
        {
            0 => await api.CreateAsync(cancellationToken),
            1 or 2 => await api.AddItemAsync(cart, cancellationToken),
            3 => await api.RemoveItemAsync(cart, cancellationToken),
            _ => await api.CheckoutAsync(cart, cancellationToken),
        };
        // Only a command that succeeded moves the cart on; a failed one is tried again.
        _carts[worker] = ack.CartId;
        _step[worker] = (step + 1) % Steps;
        return ack;
    }
}
