using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// How the store reads each answer DynamoDB documents. SDK retries are off (<c>MaxErrorRetry = 0</c>) wherever requests
/// are counted, so one answer is one request.
/// </summary>
public sealed class DynamoDbCartStoreFailureTests : IDisposable
{
    private readonly DynamoDbWireStub _stub = new();

    [Fact]
    public async Task A_failed_condition_on_the_cart_is_a_version_conflict_after_one_request()
    {
        _stub.Answer("TransactWriteItems", 400, AwsAnswers.TransactionCanceled("ConditionalCheckFailed", "None"));

        Assert.Equal(SaveOutcome.VersionConflict, await SaveNewCartAsync(Store()));

        Assert.Equal(["TransactWriteItems"], _stub.Operations);
    }

    [Fact]
    public async Task A_failed_condition_on_an_outbox_item_alone_is_a_non_transient_error_naming_the_item()
    {
        _stub.Answer("TransactWriteItems", 400, AwsAnswers.TransactionCanceled("None", "ConditionalCheckFailed"));

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => SaveNewCartAsync(Store()));

        Assert.Equal("ConditionalCheckFailed", failure.Reason);
        Assert.Contains($"outbox item {SampleCarts.CartIdText}/00000000000000000001#000 in table 'test-outbox'", failure.Message, StringComparison.Ordinal);
        Assert.IsType<TransactionCanceledException>(failure.InnerException);
    }

    // TransactWriteItems API reference: TransactionConflict means "another transaction is ongoing for the item". That is
    // a race on the cart: the conflict path reloads and retries, as for a stale version, instead of a 503.
    [Theory]
    [InlineData("TransactionConflict", "None")]
    [InlineData("None", "TransactionConflict")]
    public async Task A_transaction_cancelled_by_a_competing_transaction_is_a_version_conflict(string cartReason, string outboxReason)
    {
        _stub.Answer("TransactWriteItems", 400, AwsAnswers.TransactionCanceled(cartReason, outboxReason));

        Assert.Equal(SaveOutcome.VersionConflict, await SaveNewCartAsync(Store()));
        Assert.Single(_stub.Operations);
    }

    [Theory]
    [InlineData("ProvisionedThroughputExceeded")]
    [InlineData("ThrottlingError")]
    public async Task A_transaction_cancelled_by_throttling_is_transient(string code)
    {
        _stub.Answer("TransactWriteItems", 400, AwsAnswers.TransactionCanceled(code, "None"));

        var failure = await Assert.ThrowsAsync<TransientStoreException>(() => SaveNewCartAsync(Store()));

        Assert.Contains($"cart {SampleCarts.CartIdText} (expected version 0) in table 'test-carts': {code}", failure.Message, StringComparison.Ordinal);
        Assert.IsType<TransactionCanceledException>(failure.InnerException);
        Assert.Single(_stub.Operations);
    }

    [Fact]
    public async Task A_transaction_cancelled_for_an_invalid_item_names_the_table_and_the_reason()
    {
        _stub.Answer("TransactWriteItems", 400, AwsAnswers.TransactionCanceled("None", "ValidationError"));

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => SaveNewCartAsync(Store()));

        Assert.Equal("ValidationError", failure.Reason);
        Assert.Contains("in table 'test-outbox': ValidationError (One or more parameter values were invalid.)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_cancelled_without_reasons_is_not_transient()
    {
        _stub.Answer("TransactWriteItems", 400, """{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled"}""");

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => SaveNewCartAsync(Store()));

        Assert.Contains("in table 'test-carts'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("was cancelled without a reason: Transaction cancelled", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_records_of_another_cart_are_refused_before_any_request()
    {
        var cart = SampleCarts.New();
        var stranger = SampleCarts.OutboxOf(cart)[0] with { CartId = Guid.NewGuid().ToString() };

        await Assert.ThrowsAsync<ArgumentException>(() => Store().SaveAsync(cart, [stranger], CancellationToken.None));

        Assert.Empty(_stub.Operations);
    }

    [Fact]
    public async Task More_outbox_records_than_one_transaction_holds_are_refused_before_any_request()
    {
        var cart = SampleCarts.New();
        var record = SampleCarts.OutboxOf(cart)[0];
        var records = Enumerable.Range(0, DynamoDbCartStore.MaxTransactionItems).Select(i => record with { EventIndex = i }).ToList();

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => Store().SaveAsync(cart, records, CancellationToken.None));

        Assert.Contains("at most 99 outbox records", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Operations);
    }

    [Theory]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("ThrottlingException")]
    [InlineData("RequestLimitExceeded")]
    public async Task A_throttled_save_is_transient_and_names_both_tables(string errorCode)
    {
        _stub.Answer("TransactWriteItems", 400, ThrottlingAnswer(errorCode));

        var failure = await Assert.ThrowsAsync<TransientStoreException>(() => SaveNewCartAsync(Store()));

        Assert.Contains($"on tables 'test-carts' and 'test-outbox' failed with {errorCode} (retryable)", failure.Message, StringComparison.Ordinal);
        Assert.IsType<AmazonDynamoDBException>(failure.InnerException, exactMatch: false);
        Assert.Single(_stub.Operations);
    }

    [Fact]
    public async Task A_validation_exception_is_not_transient_and_names_the_tables_and_the_reason()
    {
        _stub.Answer("TransactWriteItems", 400, AwsAnswers.Validation);

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => SaveNewCartAsync(Store()));

        Assert.Equal("ValidationException", failure.Reason);
        Assert.Contains("on tables 'test-carts' and 'test-outbox' failed with ValidationException: One or more parameter values were invalid", failure.Message, StringComparison.Ordinal);
        Assert.Single(_stub.Operations);
    }

    [Theory]
    [InlineData("ResourceNotFoundException")]
    [InlineData("IdempotentParameterMismatchException")]
    public async Task Other_refusals_are_not_transient_and_carry_their_code(string errorCode)
    {
        _stub.Answer("TransactWriteItems", 400, errorCode == "ResourceNotFoundException" ? AwsAnswers.ResourceNotFound : AwsAnswers.IdempotentParameterMismatch);

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => SaveNewCartAsync(Store()));

        Assert.Equal(errorCode, failure.Reason);
        Assert.Contains("'test-carts' and 'test-outbox'", failure.Message, StringComparison.Ordinal);
    }

    // "Error handling with DynamoDB": after a 5xx "the request might have succeeded". The identical request (same
    // ClientRequestToken, within 10 minutes) returns success if the first one committed, and applies it if not.
    [Fact]
    public async Task A_save_answered_with_a_500_is_settled_by_resending_the_identical_request()
    {
        var calls = 0;
        _stub.AnswerWith(request => ++calls == 1
            ? DynamoDbWireStub.Reply(500, AwsAnswers.InternalServerError)
            : DynamoDbWireStub.Reply(200, AwsAnswers.EmptySuccess));

        Assert.Equal(SaveOutcome.Saved, await SaveNewCartAsync(SettlingStore()));

        var sent = _stub.Requests("TransactWriteItems");
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].ToJsonString(), sent[1].ToJsonString());
    }

    [Fact]
    public async Task A_resend_that_finds_the_cart_moved_on_is_a_version_conflict_since_the_token_would_have_answered_success()
    {
        var calls = 0;
        _stub.AnswerWith(request => ++calls == 1
            ? DynamoDbWireStub.Reply(500, AwsAnswers.InternalServerError)
            : DynamoDbWireStub.Reply(400, AwsAnswers.TransactionCanceled("ConditionalCheckFailed", "None")));

        Assert.Equal(SaveOutcome.VersionConflict, await SaveNewCartAsync(SettlingStore()));
    }

    // TransactWriteItems API reference, TransactionInProgressException: a retry of the same token more than 5 s after the
    // first attempt lets DynamoDB complete it. When no resend settles it, the new version's outbox key is read back.
    [Fact]
    public async Task An_outcome_still_unknown_after_the_resends_is_settled_by_reading_the_new_versions_outbox_key()
    {
        var cart = SampleCarts.New();
        var outbox = SampleCarts.OutboxOf(cart);
        _stub.AnswerWith(request => DynamoDbWireStub.TargetOf(request)!.EndsWith("GetItem", StringComparison.Ordinal)
            ? DynamoDbWireStub.Reply(200, "{\"Item\":{\"eventId\":{\"S\":\"" + outbox[0].EventId + "\"}}}")
            : DynamoDbWireStub.Reply(400, """{"__type":"com.amazonaws.dynamodb.v20120810#TransactionInProgressException","Message":"Transaction is in progress"}"""));

        Assert.Equal(SaveOutcome.Saved, await SettlingStore().SaveAsync(cart, outbox, CancellationToken.None));

        Assert.Equal(["TransactWriteItems", "TransactWriteItems", "TransactWriteItems", "GetItem"], _stub.Operations);
        var read = Assert.Single(_stub.Requests("GetItem"));
        Assert.Equal("test-outbox", read["TableName"]!.GetValue<string>());
        Assert.True(read["ConsistentRead"]!.GetValue<bool>());
        Assert.Equal("00000000000000000001#000", read["Key"]!["eventKey"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_outcome_nothing_settles_is_reported_as_unknown_not_as_nothing_written()
    {
        _stub.Answer("TransactWriteItems", 500, AwsAnswers.InternalServerError);
        _stub.Answer("GetItem", 200, AwsAnswers.EmptySuccess);

        var failure = await Assert.ThrowsAsync<StoreOutcomeUnknownException>(() => SaveNewCartAsync(SettlingStore()));

        Assert.Contains("may or may not have been applied. Read the cart before retrying", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, _stub.Requests("TransactWriteItems").Count);
        Assert.Single(_stub.Requests("TransactWriteItems").Select(r => r["ClientRequestToken"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task A_throttled_resend_does_not_make_an_unknown_outcome_look_unwritten()
    {
        var calls = 0;
        _stub.AnswerWith(request => DynamoDbWireStub.TargetOf(request)!.EndsWith("GetItem", StringComparison.Ordinal)
            ? DynamoDbWireStub.Reply(200, AwsAnswers.EmptySuccess)
            : ++calls == 1 ? DynamoDbWireStub.Reply(500, AwsAnswers.InternalServerError) : DynamoDbWireStub.Reply(400, AwsAnswers.Throttling));

        await Assert.ThrowsAsync<StoreOutcomeUnknownException>(() => SaveNewCartAsync(SettlingStore()));
    }

    [Fact]
    public async Task An_http_500_that_outlasts_the_sdk_retries_resends_with_the_same_token()
    {
        _stub.Answer("TransactWriteItems", 500, AwsAnswers.InternalServerError);
        _stub.Answer("GetItem", 200, AwsAnswers.EmptySuccess);
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            new AmazonDynamoDBConfig { ServiceURL = _stub.Url.ToString(), AuthenticationRegion = DynamoDbWireStub.Region, MaxErrorRetry = 1 });
        var store = new DynamoDbCartStore(client, TestTables.Options(), new InstantDelays(SampleCarts.SavedAt));

        await Assert.ThrowsAsync<StoreOutcomeUnknownException>(() => SaveNewCartAsync(store));

        Assert.True(_stub.Requests("TransactWriteItems").Count > 3, $"The SDK should have retried the 500, but sent {_stub.Operations.Count} request(s).");
        Assert.Single(_stub.Requests("TransactWriteItems").Select(r => r["ClientRequestToken"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task A_throttled_load_is_transient_and_names_the_carts_table()
    {
        _stub.Answer("GetItem", 400, AwsAnswers.ProvisionedThroughputExceeded);

        var failure = await Assert.ThrowsAsync<TransientStoreException>(() => Store().LoadAsync(SampleCarts.Id, CancellationToken.None));

        Assert.Contains($"GetItem of cart {SampleCarts.CartIdText} on table 'test-carts' failed with ProvisionedThroughputExceededException", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_load_is_not_transient_and_names_the_carts_table()
    {
        _stub.Answer("GetItem", 400, AwsAnswers.ResourceNotFound);

        var failure = await Assert.ThrowsAsync<DynamoDbStoreException>(() => Store().LoadAsync(SampleCarts.Id, CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", failure.Reason);
        Assert.Contains("on table 'test-carts' failed with ResourceNotFoundException: Requested resource not found", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_refuses_connections_leaves_a_save_unknown_and_a_load_transient()
    {
        // A socket bound but not listening keeps the port ours while every connection to it is refused.
        using var closedPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closedPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var store = StoreAt(new Uri($"http://127.0.0.1:{((IPEndPoint)closedPort.LocalEndPoint!).Port}"));

        // A refused connection sent nothing, but the SDK does not say whether an earlier attempt of the same call did.
        var save = await Assert.ThrowsAsync<StoreOutcomeUnknownException>(() => SaveNewCartAsync(store));
        var load = await Assert.ThrowsAsync<TransientStoreException>(() => store.LoadAsync(SampleCarts.Id, CancellationToken.None));

        Assert.IsType<HttpRequestException>(save.InnerException);
        Assert.IsType<HttpRequestException>(load.InnerException);
        Assert.Contains("got no answer from DynamoDB (retryable)", load.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_answered_slower_than_the_sdk_timeout_is_unknown_not_transient()
    {
        using var slow = WireMockServer.Start();
        slow.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}").WithDelay(TimeSpan.FromSeconds(1)));
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonDynamoDBConfig
        {
            ServiceURL = slow.Url,
            AuthenticationRegion = DynamoDbWireStub.Region,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromMilliseconds(50),
        });
        var store = new DynamoDbCartStore(client, TestTables.Options(), new InstantDelays(SampleCarts.SavedAt));

        var failure = await Assert.ThrowsAsync<StoreOutcomeUnknownException>(() => SaveNewCartAsync(store));

        Assert.IsType<TimeoutException>(failure.InnerException);
    }

    public void Dispose() => _stub.Dispose();

    private DynamoDbCartStore Store() => new(_stub.Client(maxErrorRetry: 0), TestTables.Options(), SampleCarts.Clock());

    /// <summary>A store whose settling waits end at once (the resends still go out one by one).</summary>
    private DynamoDbCartStore SettlingStore() => new(_stub.Client(maxErrorRetry: 0), TestTables.Options(), new InstantDelays(SampleCarts.SavedAt));

    private static DynamoDbCartStore StoreAt(Uri endpoint) =>
        new(
            new AmazonDynamoDBClient(
                new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
                new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = DynamoDbWireStub.Region, MaxErrorRetry = 0 }),
            TestTables.Options(),
            new InstantDelays(SampleCarts.SavedAt));

    private static Task<SaveOutcome> SaveNewCartAsync(DynamoDbCartStore store)
    {
        var cart = SampleCarts.New();
        return store.SaveAsync(cart, SampleCarts.OutboxOf(cart), CancellationToken.None);
    }

    private static string ThrottlingAnswer(string errorCode) => errorCode switch
    {
        "ProvisionedThroughputExceededException" => AwsAnswers.ProvisionedThroughputExceeded,
        "ThrottlingException" => AwsAnswers.Throttling,
        _ => AwsAnswers.RequestLimitExceeded,
    };
}
