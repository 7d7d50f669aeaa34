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

    public void Dispose() => _stub.Dispose();
}
