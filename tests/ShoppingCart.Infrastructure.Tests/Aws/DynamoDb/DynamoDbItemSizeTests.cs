using System.Text.Json.Nodes;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using Xunit.Abstractions;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>The largest cart the domain allows stays far below DynamoDB's 400 KB item limit, in both tables.</summary>
public sealed class DynamoDbItemSizeTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>"Far below": a tenth of the limit, so growth of the event contract has room before it matters.</summary>
    private const int Budget = DynamoDbItemSize.MaxItemBytes / 10;

    private readonly DynamoDbWireStub _stub = StubThatAcceptsEveryTransaction();

    [Theory]
    [InlineData("""{"a":{"S":"abc"}}""", 4)]
    [InlineData("""{"n":{"N":"9999"}}""", 4)]
    [InlineData("""{"n":{"N":"-0012300.00"}}""", 4)]
    [InlineData("""{"l":{"L":[{"S":"x"},{"N":"7"}]}}""", 9)]
    [InlineData("""{"m":{"M":{"k":{"S":"v"}}}}""", 7)]
    [InlineData("""{"é":{"S":"€"}}""", 5)]
    public void Item_size_follows_the_documented_rules(string item, int expectedBytes)
    {
        Assert.Equal(expectedBytes, DynamoDbItemSize.Of(JsonNode.Parse(item)!.AsObject()));
    }

    [Fact]
    public async Task The_largest_cart_and_each_of_its_events_stay_far_below_the_item_limit()
    {
        var store = new DynamoDbCartStore(_stub.Client(), TestTables.Options(), SampleCarts.Clock());
        var skus = Enumerable.Range(0, CartLimits.MaxLines).Select(LongestSku).ToList();
        var customer = CustomerId.Create(new string('c', CustomerId.MaxLength)).Value;

        // CartCreated with every line at the maximum: each sku requested as often as needed to reach it.
        var created = Cart.Create(new CartId(Guid.NewGuid()), customer, [.. skus.SelectMany(RequestsReachingTheLineMaximum)], SampleCarts.CreatedAt).Value;
        Assert.All(created.Lines, line => Assert.Equal(CartLimits.MaxLineQuantity, line.Quantity));
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(created, SampleCarts.OutboxOf(created, new string('r', 64)), CancellationToken.None));

        // ItemsAddedToCart touching every line (its change list is the widest event), then CartCheckedOut.
        var full = Cart.Rehydrate(created.Id, customer, CartStatus.Open, skus.Select(s => new CartLine(s, CartLimits.MaxLineQuantity - CartLimits.MaxRequestedQuantity)), 1, SampleCarts.CreatedAt, SampleCarts.CreatedAt);
        Assert.True(full.AddItems([.. skus.Select(s => new SkuQuantity(s, CartLimits.MaxRequestedQuantity))], SampleCarts.SavedAt).IsSuccess);
        Assert.True(full.CheckOut(SampleCarts.SavedAt).IsSuccess);
        Assert.Equal(SaveOutcome.Saved, await store.SaveAsync(full, SampleCarts.OutboxOf(full, new string('r', 64)), CancellationToken.None));

        var puts = _stub.Requests("TransactWriteItems").SelectMany(r => r["TransactItems"]!.AsArray()).Select(i => i!["Put"]!).ToList();
        Assert.Equal(5, puts.Count);
        foreach (var put in puts)
        {
            var item = put["Item"]!.AsObject();
            var size = DynamoDbItemSize.Of(item);
            output.WriteLine($"{put["TableName"]} {item["eventType"]?["S"] ?? item["status"]!["S"]}: {size} bytes");
            Assert.True(size < Budget, $"An item of {put["TableName"]} takes {size} bytes; the budget is {Budget} (limit {DynamoDbItemSize.MaxItemBytes}).");
        }

        Assert.Contains(puts, put => put["Item"]!["lines"]?["L"]?.AsArray().Count == CartLimits.MaxLines);
    }

    public void Dispose() => _stub.Dispose();

    private static Sku LongestSku(int index) => Sku.Create($"SKU-{index:D3}-".PadRight(Sku.MaxLength, 'X')).Value;

    private static IEnumerable<SkuQuantity> RequestsReachingTheLineMaximum(Sku sku)
    {
        var full = CartLimits.MaxLineQuantity / CartLimits.MaxRequestedQuantity;
        var rest = CartLimits.MaxLineQuantity % CartLimits.MaxRequestedQuantity;
        return [.. Enumerable.Repeat(new SkuQuantity(sku, CartLimits.MaxRequestedQuantity), full), .. rest > 0 ? [new SkuQuantity(sku, rest)] : Array.Empty<SkuQuantity>()];
    }

    private static DynamoDbWireStub StubThatAcceptsEveryTransaction()
    {
        var stub = new DynamoDbWireStub();
        stub.Answer("TransactWriteItems", 200, AwsAnswers.EmptySuccess);
        return stub;
    }
}
