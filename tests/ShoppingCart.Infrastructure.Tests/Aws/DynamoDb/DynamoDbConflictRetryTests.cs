using System.Globalization;
using System.Text.Json.Nodes;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Carts;
using ShoppingCart.Domain;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using WireMock;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Carts;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// Writers in other instances keep winning the race on one cart: the command without If-Match reloads and retries
/// (after a jittered wait) until it gets through, within its attempt budget. The real SDK against
/// <see cref="InMemoryDynamoDb"/>, which fails the version condition for real each time a competitor got in first.
/// </summary>
public sealed class DynamoDbConflictRetryTests : IDisposable
{
    private readonly DynamoDbWireStub _stub = new();
    private readonly InMemoryDynamoDb _dynamoDb = new(TestTables.Definitions);
    private int _competingWrites;

    public DynamoDbConflictRetryTests() => _stub.AnswerWith(AnswerAfterCompetitor);

    [Theory]
    [InlineData(1)]
    [InlineData(CartUpdater.MaxAttempts - 1)]
    public async Task A_command_that_loses_the_race_n_times_is_retried_on_a_fresh_read_until_it_is_saved(int losses)
    {
        var store = await StoreWithCartAsync();
        _competingWrites = losses;

        var result = await AddOneAsync(store);

        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.Message);
        Assert.Equal(1 + losses + 1, result.Value.Version);
        Assert.Equal(losses + 1, WritesAfterCreation());
        Assert.Equal(losses + 1, _stub.Operations.Count(o => o == "GetItem"));
        Assert.Equal(1 + losses + 1, StoredVersion());
    }

    [Fact]
    public async Task A_command_that_keeps_losing_gives_up_as_contention_after_its_attempt_budget()
    {
        var store = await StoreWithCartAsync();
        _competingWrites = int.MaxValue;

        var result = await AddOneAsync(store);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Contention, result.Error.Kind);
        Assert.Equal(CartUpdater.MaxAttempts, WritesAfterCreation());
    }

    public void Dispose() => _stub.Dispose();

    private async Task<DynamoDbCartStore> StoreWithCartAsync()
    {
        var store = new DynamoDbCartStore(_stub.Client(), TestTables.Options(), SampleCarts.Clock());
        var cart = SampleCarts.New();
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None));
        return store;
    }

    private static Task<Result<CartView>> AddOneAsync(DynamoDbCartStore store) =>
        new CartUpdater(new CartReader(store), new CartWriter(store), SampleCarts.Clock(), new CartTurns()).UpdateAsync(
            SampleCarts.Id.Value, CustomerId.FromTrusted("customer-1"), expectedVersion: null, "corr-retry", (cart, now) => cart.AddItems([SampleCarts.Item("SKU-C", 1)], now), CancellationToken.None);

    /// <summary>Before each of the first writes, another instance commits a newer version of the cart.</summary>
    private IResponseMessage AnswerAfterCompetitor(IRequestMessage request)
    {
        if (DynamoDbWireStub.TargetOf(request) == "DynamoDB_20120810.TransactWriteItems" && _dynamoDb.Items(TestTables.Carts).Count > 0 && _competingWrites > 0)
        {
            _competingWrites--;
            var cart = _dynamoDb.Items(TestTables.Carts).Single();
            cart[Schema.Version] = new JsonObject { ["N"] = (StoredVersion() + 1).ToString(CultureInfo.InvariantCulture) };
            _dynamoDb.Seed(TestTables.Carts, cart);
        }

        return _dynamoDb.Handle(request);
    }

    private long StoredVersion() =>
        long.Parse(_dynamoDb.Items(TestTables.Carts).Single()[Schema.Version]!["N"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private int WritesAfterCreation() => _stub.Operations.Count(o => o == "TransactWriteItems") - 1;
}
