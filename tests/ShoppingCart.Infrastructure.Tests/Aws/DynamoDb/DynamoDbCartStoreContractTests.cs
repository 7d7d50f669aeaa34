using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>The cart store's behavioural suite, run by the real SDK client against <see cref="InMemoryDynamoDb"/> at the wire.</summary>
public sealed class DynamoDbCartStoreContractTests : CartStoreContractTests, IDisposable
{
    private readonly DynamoDbWireStub _stub = new();
    private readonly InMemoryDynamoDb _dynamoDb = new(TestTables.Definitions);

    public DynamoDbCartStoreContractTests()
    {
        _stub.AnswerWith(_dynamoDb.Handle);
        Store = new DynamoDbCartStore(_stub.Client(), TestTables.Options(), SampleCarts.Clock());
    }

    protected override ICartStore Store { get; }

    protected override Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(CartId cartId) =>
        Task.FromResult<IReadOnlyList<OutboxRecord>>(
            [.. _dynamoDb.Items(TestTables.Outbox).Select(OutboxItemReader.Read).Where(record => record.CartId == cartId.ToString())]);

    [Fact]
    public async Task A_listing_reads_on_when_a_Query_page_stops_short_of_the_limit()
    {
        // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html: a page stops at 1 MB
        // read, with a LastEvaluatedKey, even below Limit.
        for (var i = 0; i < 5; i++)
        {
            await SavedCartAsync("customer-1", DateTimeOffset.UnixEpoch.AddDays(i));
        }

        _dynamoDb.QueryPageItemLimit = 2;

        var listed = await Store.ListByCustomerAsync(CustomerId.FromTrusted("customer-1"), after: null, count: 4, CancellationToken.None);

        Assert.Equal(4, listed.Count);
        Assert.Equal(2, _stub.Requests("Query").Count);
        Assert.Equal([4, 2], _stub.Requests("Query").Select(r => r["Limit"]!.GetValue<int>()));
    }

    public void Dispose() => _stub.Dispose();
}
