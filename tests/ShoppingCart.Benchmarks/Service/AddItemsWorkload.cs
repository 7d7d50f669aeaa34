namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// Every client adds one item to its own cart, again and again: the steady cart command. A cart line holds at most
/// 9,999 units, so after <see cref="AddsPerCart"/> additions the client moves to a fresh cart (that create is one of
/// its operations).
/// </summary>
internal sealed class AddItemsWorkload(CartApiClient api, int concurrency) : ICartWorkload
{
    public const int AddsPerCart = 5_000;

    private readonly string[] _carts = new string[concurrency];
    private readonly int[] _adds = new int[concurrency];

    public string Name => "add-items";

    public async Task SetupAsync(int worker, CancellationToken cancellationToken) =>
        _carts[worker] = (await api.CreateAsync(cancellationToken)).CartId;

    public async Task<CartAck> NextAsync(int worker, CancellationToken cancellationToken)
    {
        if (++_adds[worker] > AddsPerCart)
        {
            _adds[worker] = 0;
            var created = await api.CreateAsync(cancellationToken);
            _carts[worker] = created.CartId;
            return created;
        }

        return await api.AddItemAsync(_carts[worker], cancellationToken);
    }
}
