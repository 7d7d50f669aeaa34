using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Api.Http;
using ShoppingCart.Api.Tests.Support;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Api.Tests.Http;

public sealed class StoreBusyTests : IDisposable
{
    private readonly ApiFactory _api = new()
    {
        TestServices = services =>
        {
            services.AddSingleton<SqliteCartStore>();
            services.AddSingleton<ICartStore>(provider => new BusyCartStore(provider.GetRequiredService<SqliteCartStore>()));
        },
    };

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_store_too_busy_to_write_answers_503_with_retry_after_and_nothing_is_written()
    {
        var carts = new CartApi(_api.CreateClient());

        using var response = await carts.CreateAsync("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":1}]}""");

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable, ApiProblems.StoreBusyCode);
        Assert.Equal(TimeSpan.FromSeconds(TransientStoreExceptionHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal((0, 0), (_api.Stored.CartCount(), _api.Stored.OutboxCount()));
    }

    /// <summary>Reads from the real store, refuses every write the way a store past its busy timeout does.</summary>
    private sealed class BusyCartStore(ICartStore inner) : ICartStore
    {
        public Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken) => inner.LoadAsync(id, cancellationToken);

        public Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken) =>
            inner.ListByCustomerAsync(customer, after, count, cancellationToken);

        public Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken) =>
            throw new TransientStoreException("database is locked");
    }
}
