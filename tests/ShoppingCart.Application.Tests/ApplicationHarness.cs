using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Application.Tests;

/// <summary>The real application wiring (mediator, validation, handlers) with substituted ports.</summary>
internal sealed class ApplicationHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The caller of every command, and the customer of <see cref="StoredCart"/>.</summary>
    public static readonly CustomerId Owner = CustomerId.Create("customer-1").Value;

    public static readonly CartId FixedCartId = new(Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

    private readonly ServiceProvider _provider;

    public ApplicationHarness()
    {
        Ids.NewId().Returns(FixedCartId);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Ids);
        services.AddSingleton(Store);
        services.AddSingleton(Publisher);
        services.AddSingleton(DeadLetters);
        services.AddApplication();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        Scope = _provider.CreateScope();
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public ICartIdGenerator Ids { get; } = Substitute.For<ICartIdGenerator>();

    public ICartStore Store { get; } = Substitute.For<ICartStore>();

    public IEventPublisher Publisher { get; } = Substitute.For<IEventPublisher>();

    public IDeadLetterQueue DeadLetters { get; } = Substitute.For<IDeadLetterQueue>();

    public IServiceScope Scope { get; }

    public IMediator Mediator => Scope.ServiceProvider.GetRequiredService<IMediator>();

    public OutboxBatchForwarder Forwarder => Scope.ServiceProvider.GetRequiredService<OutboxBatchForwarder>();

    /// <summary>Makes the store hold a cart with the given lines at version <paramref name="version"/>.</summary>
    public void StoreHolds(CartId id, long version, params (string Sku, int Quantity)[] lines) =>
        Store.LoadAsync(id, Arg.Any<CancellationToken>()).Returns(_ => StoredCart(id, version, lines));

    public static Cart StoredCart(CartId id, long version, params (string Sku, int Quantity)[] lines) =>
        Cart.Rehydrate(id, Owner, CartStatus.Open, lines.Select(l => new CartLine(Sku.Create(l.Sku).Value, l.Quantity)), version, Now, Now);

    /// <summary>What each SaveAsync call was given, captured at call time (the cart is mutated afterwards).</summary>
    public List<(CartId CartId, long ExpectedVersion, long NewVersion, IReadOnlyList<OutboxRecord> Outbox)> Saves { get; } = [];

    public void SavesSucceed() =>
        Store.SaveAsync(Arg.Any<Cart>(), Arg.Any<IReadOnlyList<OutboxRecord>>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var cart = call.Arg<Cart>();
                Saves.Add((cart.Id, cart.PersistedVersion, cart.Version, call.Arg<IReadOnlyList<OutboxRecord>>()));
                return SaveOutcome.Saved;
            });

    public void Dispose()
    {
        Scope.Dispose();
        _provider.Dispose();
    }
}
