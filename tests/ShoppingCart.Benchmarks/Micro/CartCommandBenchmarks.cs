using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Carts;
using ShoppingCart.Application.Carts.AddItems;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Benchmarks.Micro;

/// <summary>A cart command through the real mediator pipeline (validation, handler, domain, outbox mapping) on an in-memory store.</summary>
[MemoryDiagnoser]
public class CartCommandBenchmarks
{
    private ServiceProvider? _provider;
    private IServiceScope? _scope;
    private IMediator? _mediator;
    private AddItemsCommand? _command;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICartStore, FixedCartStore>();
        services.AddApplication();
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
        _mediator = _scope.ServiceProvider.GetRequiredService<IMediator>();
        _command = new AddItemsCommand(Guid.CreateVersion7(), CustomerId.FromTrusted("customer-1"), [new CartItemInput("SKU-BREAD", 1)], null, "bench-correlation");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope?.Dispose();
        _provider?.Dispose();
    }

    [Benchmark(Description = "AddItems command via mediator, in-memory store")]
    public async Task<Result<CartView>> AddItems() => await _mediator!.Send(_command!);
}
