using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Api.Http;
using ShoppingCart.Api.Tests.Support;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Api.Tests.Http;

/// <summary>The store's faults each get their own coded answer, never an uncoded 500.</summary>
public sealed class StoreFaultAnswerTests
{
    [Theory]
    [InlineData("busy", ApiProblems.StoreBusyCode, StoreFaultExceptionHandler.RetryAfterSeconds)]
    [InlineData("full", ApiProblems.StorageFullCode, StoreFaultExceptionHandler.StorageFullRetryAfterSeconds)]
    public async Task A_store_that_wrote_nothing_answers_503_with_its_code_and_retry_after(string fault, string code, int retryAfterSeconds)
    {
        using var api = ApiWithStoreThrowing(fault == "busy" ? new TransientStoreException("database is locked") : new StorageFullException("database or disk is full"));

        using var response = await new CartApi(api.CreateClient()).CreateAsync("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":1}]}""");

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Equal((0, 0), (api.Stored.CartCount(), api.Stored.OutboxCount()));
    }

    [Fact]
    public async Task An_outcome_the_store_could_not_settle_answers_500_outcome_unknown_and_says_to_read_before_retrying()
    {
        using var api = ApiWithStoreThrowing(new StoreOutcomeUnknownException("no answer"));

        using var response = await new CartApi(api.CreateClient()).CreateAsync("""{"customerId":"customer-1","items":[{"sku":"apple","quantity":1}]}""");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.InternalServerError, ApiProblems.OutcomeUnknownCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Contains("read the cart before retrying", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static ApiFactory ApiWithStoreThrowing(Exception fault) => new()
    {
        TestServices = services =>
        {
            services.AddSingleton<SqliteCartStore>();
            services.AddSingleton<ICartStore>(provider => new FaultingCartStore(provider.GetRequiredService<SqliteCartStore>(), fault));
        },
    };

    /// <summary>Reads from the real store, fails every write with the given fault.</summary>
    private sealed class FaultingCartStore(ICartStore inner, Exception fault) : ICartStore
    {
        public Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken) => inner.LoadAsync(id, cancellationToken);

        public Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken) =>
            inner.ListByCustomerAsync(customer, after, count, cancellationToken);

        public Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken) => throw fault;
    }
}
