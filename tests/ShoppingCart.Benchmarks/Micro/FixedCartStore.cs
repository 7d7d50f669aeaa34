using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>
/// An in-memory store that always holds the same three-line cart at the same version and accepts every save, so a
/// command can be repeated millions of times without the cart growing: what is timed is the mediator, validation, the
/// domain and the event mapping, not a store.
/// </summary>
internal sealed class FixedCartStore : ICartStore
{
    public const long StoredVersion = 7;

    private static readonly Task<SaveOutcome> Saved = Task.FromResult(SaveOutcome.Saved);

    public Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken) =>
        Task.FromResult<Cart?>(SampleCarts.StoredCart(id, StoredVersion));

    public Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Cart>>([]);

    public Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken) => Saved;
}
