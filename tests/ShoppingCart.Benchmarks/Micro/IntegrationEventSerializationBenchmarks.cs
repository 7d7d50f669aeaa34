using BenchmarkDotNet.Attributes;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Benchmarks.Fixtures;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Domain.Carts.Events;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>Turning a domain event into its outbox record: event id, metadata and the integration event JSON.</summary>
[MemoryDiagnoser]
public class IntegrationEventSerializationBenchmarks
{
    private ICartEvent? _itemsAdded;
    private ICartEvent? _checkedOut;

    [GlobalSetup]
    public void Setup()
    {
        var cart = SampleCarts.StoredCart(new CartId(Guid.CreateVersion7()), 3);
        cart.AddItems([.. SampleCarts.OneMoreApple], SampleCarts.Epoch);
        cart.CheckOut(SampleCarts.Epoch);
        _itemsAdded = cart.PendingEvents[0];
        _checkedOut = cart.PendingEvents[1];
    }

    [Benchmark(Description = "ItemsAddedToCart → outbox record (JSON)")]
    public OutboxRecord ItemsAdded() => IntegrationEventMapper.ToOutboxRecord(_itemsAdded!, 0, "bench-correlation");

    [Benchmark(Description = "CartCheckedOut (3 lines) → outbox record (JSON)")]
    public OutboxRecord CheckedOut() => IntegrationEventMapper.ToOutboxRecord(_checkedOut!, 0, "bench-correlation");
}
