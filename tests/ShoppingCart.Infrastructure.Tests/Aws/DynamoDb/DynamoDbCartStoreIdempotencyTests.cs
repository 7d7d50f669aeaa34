using Amazon.DynamoDBv2;
using Amazon.Runtime;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>What the ClientRequestToken buys, shown against <see cref="InMemoryDynamoDb"/>, which honours tokens as DynamoDB does.</summary>
public sealed class DynamoDbCartStoreIdempotencyTests : IDisposable
{
    private readonly DynamoDbWireStub _stub = new();
    private readonly InMemoryDynamoDb _dynamoDb = new(TestTables.Definitions);

    public DynamoDbCartStoreIdempotencyTests() => _stub.AnswerWith(_dynamoDb.Handle);

    [Fact]
    public async Task A_commit_whose_answer_is_lost_is_reported_as_saved_when_the_sdk_retries_it()
    {
        // Default SDK retries: the 500 after the commit is retried with the same request, hence the same token.
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            new AmazonDynamoDBConfig { ServiceURL = _stub.Url.ToString(), AuthenticationRegion = DynamoDbWireStub.Region });
        var store = new DynamoDbCartStore(client, TestTables.Options(), SampleCarts.Clock());
        _dynamoDb.LoseNextCommitAnswer = true;
        var cart = SampleCarts.New();

        var outcome = await store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, outcome);
        var requests = _stub.Requests("TransactWriteItems");
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0]["ClientRequestToken"]!.GetValue<string>(), requests[1]["ClientRequestToken"]!.GetValue<string>());
        Assert.Single(_dynamoDb.Items(TestTables.Outbox));
    }

    [Fact]
    public async Task A_competing_save_of_the_same_version_is_a_version_conflict_not_a_token_mismatch()
    {
        var store = new DynamoDbCartStore(_stub.Client(), TestTables.Options(), SampleCarts.Clock());
        var created = SampleCarts.New();
        await store.SaveAsync(created, SampleCarts.OutboxOf(created), CancellationToken.None);
        var winner = SampleCarts.Stored(1, new CartLine(Sku.FromTrusted("SKU-A"), 1));
        var loser = SampleCarts.Stored(1, new CartLine(Sku.FromTrusted("SKU-A"), 1));
        winner.AddItems([SampleCarts.Item("SKU-A", 1)], SampleCarts.SavedAt);
        loser.AddItems([SampleCarts.Item("SKU-A", 2)], SampleCarts.SavedAt);

        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(winner, SampleCarts.OutboxOf(winner), CancellationToken.None));
        Assert.Equal(SaveOutcome.VersionConflict, await store.SaveAsync(loser, SampleCarts.OutboxOf(loser), CancellationToken.None));

        var tokens = _stub.Requests("TransactWriteItems").Skip(1).Select(r => r["ClientRequestToken"]!.GetValue<string>()).ToList();
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Equal("2", Assert.Single(_dynamoDb.Items(TestTables.Carts))["lines"]!["L"]![0]!["M"]!["quantity"]!["N"]!.GetValue<string>());
    }

    public void Dispose() => _stub.Dispose();
}
