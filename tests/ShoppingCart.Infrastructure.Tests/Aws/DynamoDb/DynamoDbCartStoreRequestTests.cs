using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>What the store puts on the wire, byte for byte where it matters: keys, conditions, values, TTL, token.</summary>
public sealed partial class DynamoDbCartStoreRequestTests : IDisposable
{
    private readonly DynamoDbWireStub _stub = new();
    private readonly DynamoDbCartStore _store;

    public DynamoDbCartStoreRequestTests()
    {
        _stub.Answer("TransactWriteItems", 200, AwsAnswers.EmptySuccess);
        _store = new DynamoDbCartStore(_stub.Client(), TestTables.Options(), SampleCarts.Clock());
    }

    [Fact]
    public async Task Creating_a_cart_puts_it_only_if_absent_and_its_event_only_if_absent_in_one_transaction()
    {
        var cart = SampleCarts.New();
        var outbox = SampleCarts.OutboxOf(cart);

        Assert.Equal(SaveOutcome.Saved, await _store.SaveAsync(cart, outbox, CancellationToken.None));

        var request = Assert.Single(_stub.Requests("TransactWriteItems"));
        Assert.Equal(["TransactWriteItems"], _stub.Operations);
        var expected = JsonNode.Parse($$"""
            {
              "ClientRequestToken": "{{request["ClientRequestToken"]}}",
              "TransactItems": [
                { "Put": {
                    "TableName": "test-carts",
                    "ConditionExpression": "attribute_not_exists(#cartId)",
                    "ExpressionAttributeNames": { "#cartId": "cartId" },
                    "Item": {
                      "cartId": { "S": "{{SampleCarts.CartIdText}}" },
                      "customerId": { "S": "customer-1" },
                      "status": { "S": "Open" },
                      "lines": { "L": [
                        { "M": { "sku": { "S": "SKU-B" }, "quantity": { "N": "2" } } },
                        { "M": { "sku": { "S": "SKU-A" }, "quantity": { "N": "1" } } }
                      ] },
                      "version": { "N": "1" },
                      "createdAt": { "S": "2026-11-30T12:00:00.0000000+00:00" },
                      "updatedAt": { "S": "2026-11-30T12:00:00.0000000+00:00" }
                    } } },
                { "Put": {
                    "TableName": "test-outbox",
                    "ConditionExpression": "attribute_not_exists(#eventKey)",
                    "ExpressionAttributeNames": { "#eventKey": "eventKey" },
                    "Item": {
                      "cartId": { "S": "{{SampleCarts.CartIdText}}" },
                      "eventKey": { "S": "00000000000000000001#000" },
                      "eventId": { "S": "{{outbox[0].EventId}}" },
                      "eventType": { "S": "CartCreated" },
                      "schemaVersion": { "N": "1" },
                      "occurredAt": { "S": "2026-11-30T12:00:00.0000000+00:00" },
                      "cartVersion": { "N": "1" },
                      "eventIndex": { "N": "0" },
                      "correlationId": { "S": "corr-1" },
                      "payload": { "S": "replaced below: the integration event JSON, unchanged" },
                      "expiresAt": { "N": "1796817605" }
                    } } }
              ]
            }
            """)!;
        expected["TransactItems"]![1]!["Put"]!["Item"]!["payload"]!["S"] = outbox[0].Payload;
        JsonAssert.Equal(expected, request);
    }

    [Fact]
    public async Task Updating_a_cart_conditions_its_put_on_the_version_it_was_loaded_at()
    {
        var cart = SampleCarts.Stored(3, new CartLine(Sku.FromTrusted("SKU-A"), 1));
        Assert.True(cart.AddItems([SampleCarts.Item("SKU-A", 4)], SampleCarts.SavedAt).IsSuccess);

        await _store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);

        var items = Assert.Single(_stub.Requests("TransactWriteItems"))["TransactItems"]!.AsArray();
        var cartPut = items[0]!["Put"]!;
        Assert.Equal("#version = :expectedVersion", cartPut["ConditionExpression"]!.GetValue<string>());
        JsonAssert.Equal(JsonNode.Parse("""{ "#version": "version" }""")!, cartPut["ExpressionAttributeNames"]);
        JsonAssert.Equal(JsonNode.Parse("""{ ":expectedVersion": { "N": "3" } }""")!, cartPut["ExpressionAttributeValues"]);
        JsonAssert.Equal(JsonNode.Parse("""{ "N": "4" }""")!, cartPut["Item"]!["version"]);
        JsonAssert.Equal(JsonNode.Parse("""{ "N": "5" }""")!, cartPut["Item"]!["lines"]!["L"]![0]!["M"]!["quantity"]);
        var outboxPut = items[1]!["Put"]!;
        Assert.Equal("00000000000000000004#000", outboxPut["Item"]!["eventKey"]!["S"]!.GetValue<string>());
        Assert.Equal("ItemsAddedToCart", outboxPut["Item"]!["eventType"]!["S"]!.GetValue<string>());
        Assert.Equal("attribute_not_exists(#eventKey)", outboxPut["ConditionExpression"]!.GetValue<string>());
    }

    [Fact]
    public async Task Several_events_of_one_save_are_put_in_the_same_transaction_in_version_order()
    {
        var cart = SampleCarts.New();
        cart.AddItems([SampleCarts.Item("SKU-C", 1)], SampleCarts.SavedAt);
        cart.CheckOut(SampleCarts.SavedAt);

        await _store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);

        var items = Assert.Single(_stub.Requests("TransactWriteItems"))["TransactItems"]!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.Equal("attribute_not_exists(#cartId)", items[0]!["Put"]!["ConditionExpression"]!.GetValue<string>());
        Assert.Equal(
            [("00000000000000000001#000", "CartCreated"), ("00000000000000000002#000", "ItemsAddedToCart"), ("00000000000000000003#000", "CartCheckedOut")],
            items.Skip(1).Select(i => (i!["Put"]!["Item"]!["eventKey"]!["S"]!.GetValue<string>(), i["Put"]!["Item"]!["eventType"]!["S"]!.GetValue<string>())));
        Assert.All(items.Skip(1), i => Assert.Equal(SampleCarts.CartIdText, i!["Put"]!["Item"]!["cartId"]!["S"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_outbox_time_to_live_is_in_epoch_seconds_and_defaults_to_seven_days_after_the_save()
    {
        var store = new DynamoDbCartStore(_stub.Client(), Options.Create(new DynamoDbCartStoreOptions { CartsTable = TestTables.Carts, OutboxTable = TestTables.Outbox }), SampleCarts.Clock());
        var cart = SampleCarts.New();

        await store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);

        var expiresAt = Assert.Single(_stub.Requests("TransactWriteItems"))["TransactItems"]![1]!["Put"]!["Item"]!["expiresAt"]!["N"]!.GetValue<string>();
        Assert.Equal("1796644805", expiresAt); // 2026-12-07T12:00:05Z: seconds (ten digits), not milliseconds (thirteen)
        Assert.Equal(SampleCarts.SavedAt.AddDays(7), DateTimeOffset.FromUnixTimeSeconds(long.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_empty_cart_is_stored_with_an_empty_list_of_lines()
    {
        var cart = Cart.Create(SampleCarts.Id, CustomerId.Create("customer-1").Value, [], SampleCarts.CreatedAt).Value;

        await _store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);

        var item = Assert.Single(_stub.Requests("TransactWriteItems"))["TransactItems"]![0]!["Put"]!["Item"]!;
        JsonAssert.Equal(JsonNode.Parse("""{ "L": [] }""")!, item["lines"]);
    }

    [Fact]
    public async Task The_request_token_is_36_hex_characters_the_same_for_an_identical_save_and_different_for_any_other()
    {
        await SaveNewCartAsync("corr-1");
        await SaveNewCartAsync("corr-1");
        await SaveNewCartAsync("corr-2");
        var stored = SampleCarts.Stored(1, new CartLine(Sku.FromTrusted("SKU-A"), 1));
        stored.AddItems([SampleCarts.Item("SKU-A", 1)], SampleCarts.SavedAt);
        await _store.SaveAsync(stored, SampleCarts.OutboxOf(stored, "corr-1"), CancellationToken.None);

        var tokens = _stub.Requests("TransactWriteItems").Select(r => r["ClientRequestToken"]!.GetValue<string>()).ToList();

        Assert.All(tokens, token => Assert.Matches(Token(), token));
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[0], tokens[2]);
        Assert.Equal(4, tokens.Distinct().Count() + 1);
    }

    [Fact]
    public async Task Loading_reads_the_cart_by_key_with_a_consistent_read_and_keeps_the_line_order()
    {
        _stub.Answer("GetItem", 200, """
            {"Item":{
              "cartId":{"S":"CART_ID"},"customerId":{"S":"customer-7"},"status":{"S":"CheckedOut"},
              "lines":{"L":[{"M":{"sku":{"S":"SKU-Z"},"quantity":{"N":"3"}}},{"M":{"quantity":{"N":"9999"},"sku":{"S":"SKU-A"}}}]},
              "version":{"N":"12"},"createdAt":{"S":"2026-11-30T12:00:00.0000000+00:00"},"updatedAt":{"S":"2026-12-01T08:30:00.0000000+00:00"}}}
            """.Replace("CART_ID", SampleCarts.CartIdText, StringComparison.Ordinal));

        var cart = await _store.LoadAsync(SampleCarts.Id, CancellationToken.None);

        JsonAssert.Equal(
            JsonNode.Parse($$$"""{"TableName":"test-carts","Key":{"cartId":{"S":"{{{SampleCarts.CartIdText}}}"}},"ConsistentRead":true}""")!,
            Assert.Single(_stub.Requests("GetItem")));
        Assert.NotNull(cart);
        Assert.Equal(SampleCarts.Id, cart.Id);
        Assert.Equal("customer-7", cart.CustomerId.Value);
        Assert.Equal(CartStatus.CheckedOut, cart.Status);
        Assert.Equal([new CartLine(Sku.FromTrusted("SKU-Z"), 3), new CartLine(Sku.FromTrusted("SKU-A"), 9999)], cart.Lines);
        Assert.Equal(12, cart.Version);
        Assert.Equal(12, cart.PersistedVersion);
        Assert.Equal(SampleCarts.CreatedAt, cart.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero), cart.UpdatedAt);
    }

    [Fact]
    public async Task Loading_a_cart_that_is_not_stored_returns_null()
    {
        _stub.Answer("GetItem", 200, AwsAnswers.EmptySuccess);

        Assert.Null(await _store.LoadAsync(SampleCarts.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("status", null, "status")]
    [InlineData("status", """{"S":"Abandoned"}""", "status")]
    [InlineData("version", """{"S":"1"}""", "version")]
    [InlineData("createdAt", """{"S":"30/11/2026"}""", "createdAt")]
    [InlineData("lines", """{"L":[{"M":{"sku":{"S":"SKU-A"}}}]}""", "lines.quantity")]
    public async Task A_cart_item_that_does_not_match_the_layout_fails_naming_the_table_and_the_attribute(
        string attribute, string? replacement, string reportedAttribute)
    {
        var item = JsonNode.Parse($$$"""
            {"cartId":{"S":"{{{SampleCarts.CartIdText}}}"},"customerId":{"S":"c"},"status":{"S":"Open"},"lines":{"L":[]},
             "version":{"N":"1"},"createdAt":{"S":"2026-11-30T12:00:00.0000000+00:00"},"updatedAt":{"S":"2026-11-30T12:00:00.0000000+00:00"}}
            """)!.AsObject();
        item.Remove(attribute);
        if (replacement is not null)
        {
            item[attribute] = JsonNode.Parse(replacement);
        }

        _stub.Answer("GetItem", 200, new JsonObject { ["Item"] = item }.ToJsonString());

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => _store.LoadAsync(SampleCarts.Id, CancellationToken.None));

        Assert.Contains("'test-carts'", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"'{reportedAttribute}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_a_customers_carts_queries_the_customer_index_newest_first_from_the_position()
    {
        // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html: an ExclusiveStartKey of a
        // global secondary index holds the index keys and the table key.
        _stub.Answer("Query", 200, $$$"""
            {"Count":1,"ScannedCount":1,"Items":[{"cartId":{"S":"{{{SampleCarts.CartIdText}}}"},"customerId":{"S":"customer-1"},
             "status":{"S":"Open"},"lines":{"L":[]},"version":{"N":"2"},"createdAt":{"S":"2026-11-30T12:00:00.0000000+00:00"},
             "updatedAt":{"S":"2026-11-30T12:01:00.0000000+00:00"}}]}
            """);
        var after = new CartListPosition(SampleCarts.CreatedAt.AddHours(1), CartId.Parse("0193a5b2-0000-7000-8000-000000000001"));

        var listed = await _store.ListByCustomerAsync(CustomerId.FromTrusted("customer-1"), after, count: 21, CancellationToken.None);

        Assert.Equal([SampleCarts.Id], listed.Select(c => c.Id));
        Assert.Equal(2, listed[0].Version);
        var request = Assert.Single(_stub.Requests("Query"));
        JsonAssert.Equal(JsonNode.Parse("""
            {
              "TableName": "test-carts",
              "IndexName": "byCustomerUpdatedAt",
              "KeyConditionExpression": "#customer = :customer",
              "ExpressionAttributeNames": { "#customer": "customerId" },
              "ExpressionAttributeValues": { ":customer": { "S": "customer-1" } },
              "ScanIndexForward": false,
              "Limit": 21,
              "ExclusiveStartKey": {
                "cartId": { "S": "0193a5b2-0000-7000-8000-000000000001" },
                "customerId": { "S": "customer-1" },
                "updatedAt": { "S": "2026-11-30T13:00:00.0000000+00:00" }
              }
            }
            """)!, request);
    }

    [Fact]
    public async Task A_throttled_listing_is_transient()
    {
        _stub.Answer("Query", 400, AwsAnswers.Throttling);

        await Assert.ThrowsAsync<TransientStoreException>(() =>
            _store.ListByCustomerAsync(CustomerId.FromTrusted("customer-1"), after: null, count: 5, CancellationToken.None));
    }

    public void Dispose() => _stub.Dispose();

    private async Task SaveNewCartAsync(string correlationId)
    {
        var cart = SampleCarts.New();
        await _store.SaveAsync(cart, SampleCarts.OutboxOf(cart, correlationId), CancellationToken.None);
    }

    [GeneratedRegex("^[0-9a-f]{36}$")]
    private static partial Regex Token();
}
