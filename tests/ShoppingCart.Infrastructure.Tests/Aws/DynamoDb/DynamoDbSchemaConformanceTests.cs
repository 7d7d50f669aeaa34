using System.Text.Json.Nodes;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using Carts = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Carts;
using Outbox = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// The store's requests use exactly the names and types of <see cref="DynamoDbSchema"/>, the definition the CDK stack
/// creates the tables from: keys, the TTL attribute and every attribute the stream forwarder reads.
/// </summary>
public sealed class DynamoDbSchemaConformanceTests : IDisposable
{
    private readonly DynamoDbWireStub _stub = new();
    private readonly DynamoDbCartStore _store;

    public DynamoDbSchemaConformanceTests()
    {
        _stub.Answer("TransactWriteItems", 200, AwsAnswers.EmptySuccess);
        _stub.Answer("GetItem", 200, AwsAnswers.EmptySuccess);
        _store = new DynamoDbCartStore(_stub.Client(), TestTables.Options(), SampleCarts.Clock());
    }

    [Fact]
    public async Task A_cart_item_has_exactly_the_schema_attributes_and_its_key_types()
    {
        var (cartPut, _) = await SaveUpdatedCartAsync();

        var item = cartPut["Item"]!.AsObject();
        Assert.Equal(
            Sorted(Carts.PartitionKey, Carts.CustomerId, Carts.Status, Carts.Lines, Carts.Version, Carts.CreatedAt, Carts.UpdatedAt),
            Sorted([.. item.Select(a => a.Key)]));
        AssertKeyAttributesOf(Carts.Definition, item);
        Assert.All(
            item[Carts.Lines]!["L"]!.AsArray(),
            line => Assert.Equal(Sorted(Carts.LineSku, Carts.LineQuantity), Sorted([.. line!["M"]!.AsObject().Select(a => a.Key)])));
        Assert.Equal(Carts.Version, cartPut["ExpressionAttributeNames"]!["#version"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_outbox_item_has_exactly_the_schema_attributes_its_key_types_and_a_numeric_ttl()
    {
        var (_, outboxPut) = await SaveUpdatedCartAsync();

        var item = outboxPut["Item"]!.AsObject();
        Assert.Equal(
            Sorted(
                Outbox.PartitionKey, Outbox.SortKey, Outbox.EventId, Outbox.EventType, Outbox.SchemaVersion, Outbox.OccurredAt,
                Outbox.CartVersion, Outbox.EventIndex, Outbox.CorrelationId, Outbox.Payload, Outbox.TimeToLiveAttribute),
            Sorted([.. item.Select(a => a.Key)]));
        AssertKeyAttributesOf(Outbox.Definition, item);
        Assert.Equal(Outbox.EventKeyFor(2, 0), item[Outbox.SortKey]!["S"]!.GetValue<string>());
        Assert.NotNull(item[Outbox.Definition.TimeToLiveAttribute!]!["N"]);
        Assert.Equal(Outbox.SortKey, outboxPut["ExpressionAttributeNames"]!["#eventKey"]!.GetValue<string>());
        foreach (var number in new[] { Outbox.SchemaVersion, Outbox.CartVersion, Outbox.EventIndex })
        {
            Assert.NotNull(item[number]!["N"]);
        }
    }

    [Fact]
    public async Task A_new_cart_is_conditioned_on_the_schema_partition_key()
    {
        var cart = SampleCarts.New();

        await _store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);

        var cartPut = _stub.Requests("TransactWriteItems")[0]["TransactItems"]![0]!["Put"]!;
        Assert.Equal(Carts.Definition.PartitionKey, cartPut["ExpressionAttributeNames"]!["#cartId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_load_asks_for_the_schema_key()
    {
        await _store.LoadAsync(SampleCarts.Id, CancellationToken.None);

        var key = Assert.Single(_stub.Requests("GetItem"))["Key"]!.AsObject();
        AssertKeyAttributesOf(Carts.Definition, key);
        Assert.Single(key);
    }

    [Fact]
    public void The_shared_definition_streams_and_expires_only_the_outbox()
    {
        Assert.Equal([Carts.Definition, Outbox.Definition], DynamoDbSchema.Tables);
        Assert.Equal("NEW_IMAGE", Outbox.Definition.StreamViewType);
        Assert.Equal("expiresAt", Outbox.Definition.TimeToLiveAttribute);
        Assert.Null(Carts.Definition.StreamViewType);
        Assert.Null(Carts.Definition.TimeToLiveAttribute);
        Assert.True(Outbox.DefaultRetention > Outbox.StreamRetention);
    }

    public void Dispose() => _stub.Dispose();

    private async Task<(JsonNode CartPut, JsonNode OutboxPut)> SaveUpdatedCartAsync()
    {
        var cart = SampleCarts.Stored(1, new CartLine(Sku.FromTrusted("SKU-A"), 1));
        cart.AddItems([SampleCarts.Item("SKU-B", 1)], SampleCarts.SavedAt);
        await _store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);
        var items = Assert.Single(_stub.Requests("TransactWriteItems"))["TransactItems"]!.AsArray();
        return (items[0]!["Put"]!, items[1]!["Put"]!);
    }

    private static void AssertKeyAttributesOf(DynamoDbTableDefinition table, JsonObject item)
    {
        foreach (var key in new[] { table.PartitionKey, table.SortKey }.OfType<string>())
        {
            Assert.True(item[key]?[DynamoDbSchema.KeyType] is not null, $"Key attribute '{key}' must be present as {DynamoDbSchema.KeyType}.");
        }
    }

    private static string[] Sorted(params string[] names) => [.. names.Order(StringComparer.Ordinal)];
}
