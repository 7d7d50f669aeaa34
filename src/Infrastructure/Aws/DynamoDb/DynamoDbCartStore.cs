using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// Carts in DynamoDB. A save is one TransactWriteItems: a Put of the cart, conditioned on its version, and a Put of each
/// new outbox record, conditioned on the record not existing yet. Either all of them are written or none is.
/// </summary>
/// <remarks>
/// A save whose answer is lost (a timeout, a dropped connection, 5xx past the SDK's retries, a transaction still in
/// progress) may have committed. It is settled, not guessed: the identical request is sent again, same ClientRequestToken
/// and within its 10-minute window, so DynamoDB answers success if the first one committed and applies it if it did not;
/// then the new version's outbox key is read consistently. Only an outcome still unknown after that is reported as such
/// (<see cref="StoreOutcomeUnknownException"/>); throttling and documented cancellation reasons are known not applied.
/// </remarks>
public sealed class DynamoDbCartStore : ICartStore
{
    /// <summary>DynamoDB's limit on the actions of one transaction.</summary>
    public const int MaxTransactionItems = 100;

    // Attribute names go through placeholders so no condition can collide with a DynamoDB reserved word.
    private const string CartDoesNotExist = "attribute_not_exists(#cartId)";
    private const string CartIsAtExpectedVersion = "#version = :expectedVersion";
    private const string OutboxItemDoesNotExist = "attribute_not_exists(#eventKey)";

    private readonly IAmazonDynamoDB _client;
    private readonly TimeProvider _clock;
    private readonly string _cartsTable;
    private readonly string _outboxTable;
    private readonly TimeSpan _outboxRetention;

    public DynamoDbCartStore(IAmazonDynamoDB client, IOptions<DynamoDbCartStoreOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _clock = clock;
        _cartsTable = options.Value.CartsTable;
        _outboxTable = options.Value.OutboxTable;
        _outboxRetention = options.Value.OutboxRetention;
    }

    /// <summary>A strongly consistent read, so a cart just saved is read back as saved.</summary>
    public async Task<Cart?> LoadAsync(CartId id, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = _cartsTable, Key = CartsTableItem.KeyOf(id), ConsistentRead = true };
        var response = await ReadAsync(() => _client.GetItemAsync(request, cancellationToken), LoadOperation(id), cancellationToken);

        // SDK v4: a missing item is a null Item, not an empty one.
        return response.IsItemSet ? CartsTableItem.ToCart(response.Item, _cartsTable) : null;
    }

    /// <summary>
    /// A Query of the customer index, newest first. A Query page may stop short (1 MB of items read), so pages are
    /// read until <paramref name="count"/> carts are in hand or the index has no more. The index is eventually
    /// consistent (DynamoDB offers no strongly consistent read of a global secondary index): a change shows in the
    /// listing typically within a second.
    /// </summary>
    public async Task<IReadOnlyList<Cart>> ListByCustomerAsync(CustomerId customer, CartListPosition? after, int count, CancellationToken cancellationToken)
    {
        var index = DynamoDbSchema.Carts.ByCustomerIndex;
        var carts = new List<Cart>(count);
        var startKey = after is { } position ? CartsTableItem.ByCustomerIndexKeyOf(customer, position) : null;
        while (carts.Count < count)
        {
            var request = new QueryRequest
            {
                TableName = _cartsTable,
                IndexName = index.Name,
                KeyConditionExpression = "#customer = :customer",
                ExpressionAttributeNames = new() { ["#customer"] = index.PartitionKey },
                ExpressionAttributeValues = new() { [":customer"] = new AttributeValue { S = customer.Value } },
                ScanIndexForward = false,
                Limit = count - carts.Count,
                ExclusiveStartKey = startKey,
            };
            var response = await ReadAsync(() => _client.QueryAsync(request, cancellationToken), ListOperation(customer), cancellationToken);

            carts.AddRange((response.Items ?? []).Select(item => CartsTableItem.ToCart(item, _cartsTable)));
            if (response.LastEvaluatedKey is not { Count: > 0 } lastKey)
            {
                break;
            }

            startKey = lastKey;
        }

        return carts;
    }

    public async Task<SaveOutcome> SaveAsync(Cart cart, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(outbox);
        var cartId = cart.Id.ToString();
        if (outbox.Count + 1 > MaxTransactionItems)
        {
            throw new ArgumentException($"A save writes at most {MaxTransactionItems - 1} outbox records in one transaction, not {outbox.Count}.", nameof(outbox));
        }

        if (outbox.FirstOrDefault(record => record.CartId != cartId) is { } stranger)
        {
            throw new ArgumentException($"Outbox record {stranger.EventId} belongs to cart {stranger.CartId}, not {cartId}.", nameof(outbox));
        }

        var items = new List<TransactWriteItem>(outbox.Count + 1) { new() { Put = CartPut(cart) } };
        // TTL counts from the write, when the stream record is born: the stream keeps it 24 h, the table OutboxRetention.
        var expiresAt = _clock.GetUtcNow() + _outboxRetention;
        items.AddRange(outbox.Select(record => new TransactWriteItem { Put = OutboxPut(record, expiresAt) }));
        var request = new TransactWriteItemsRequest
        {
            TransactItems = items,
            ClientRequestToken = TransactionTokens.For(cartId, cart.Version, items),
        };

        try
        {
            await _client.TransactWriteItemsAsync(request, cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (TransactionCanceledException cancellation)
        {
            return TransactionCancellation.Interpret(cancellation, Describe(cart, outbox));
        }
        catch (Exception failure) when (DynamoDbFailures.LeavesOutcomeUnknown(failure, cancellationToken))
        {
            return await SettleAsync(request, cart, outbox, failure, cancellationToken);
        }
        catch (AmazonServiceException failure)
        {
            throw DynamoDbFailures.Translate(failure, SaveOperation(cartId));
        }
    }

    /// <summary>
    /// A save was sent and may or may not have committed: resend the identical request (DynamoDB recognises its token
    /// for 10 minutes), then read the new version's first outbox item, which exists only if the save committed.
    /// </summary>
    private async Task<SaveOutcome> SettleAsync(
        TransactWriteItemsRequest request, Cart cart, IReadOnlyList<OutboxRecord> outbox, Exception firstFailure, CancellationToken cancellationToken)
    {
        var lastFailure = firstFailure;
        foreach (var delay in DynamoDbTimeouts.ResendDelays)
        {
            try
            {
                await Task.Delay(delay, _clock, cancellationToken);
                await _client.TransactWriteItemsAsync(request, cancellationToken);
                return SaveOutcome.Saved;
            }
            catch (TransactionCanceledException cancellation) when (TransactionCancellation.CartConditionFailed(cancellation))
            {
                // Had the first request committed, its token would have made this one succeed: it did not, and another
                // writer moved the cart on since.
                return SaveOutcome.VersionConflict;
            }
            catch (Exception failure) when (failure is TransactionCanceledException || DynamoDbFailures.LeavesOutcomeUnknown(failure, cancellationToken) ||
                                            (failure is AmazonServiceException service && DynamoDbFailures.IsRetryable(service)))
            {
                lastFailure = failure;
            }
            catch (AmazonServiceException failure)
            {
                throw DynamoDbFailures.Translate(failure, SaveOperation(cart.Id.ToString()));
            }
        }

        if (outbox.Count > 0 && await OutboxItemExistsAsync(outbox[0], cancellationToken))
        {
            return SaveOutcome.Saved;
        }

        throw new StoreOutcomeUnknownException(
            $"{SaveOperation(cart.Id.ToString())} got no answer that settles it ({lastFailure.GetType().Name}: {lastFailure.Message}); " +
            "it may or may not have been applied. Read the cart before retrying.",
            lastFailure);
    }

    /// <summary>A strongly consistent read of one outbox key; false when it cannot be read either.</summary>
    private async Task<bool> OutboxItemExistsAsync(OutboxRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetItemAsync(
                new GetItemRequest { TableName = _outboxTable, Key = OutboxTableItem.KeyOf(record), ConsistentRead = true },
                cancellationToken);
            return response.IsItemSet &&
                   response.Item.TryGetValue(DynamoDbSchema.Outbox.EventId, out var eventId) &&
                   eventId.S == record.EventId;
        }
        catch (Exception failure) when (failure is AmazonServiceException || DynamoDbFailures.IsUnreachable(failure, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>A read whose failures are translated as every call of this store's are (transient, unreachable, or a fault).</summary>
    private static async Task<TResponse> ReadAsync<TResponse>(Func<Task<TResponse>> read, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
        }
        catch (AmazonServiceException failure)
        {
            throw DynamoDbFailures.Translate(failure, operation);
        }
        catch (Exception failure) when (DynamoDbFailures.IsUnreachable(failure, cancellationToken))
        {
            throw DynamoDbFailures.Unreachable(failure, operation);
        }
    }

    private string LoadOperation(CartId id) => $"GetItem of cart {id} on table '{_cartsTable}'";

    private string ListOperation(CustomerId customer) =>
        $"Query of index '{DynamoDbSchema.Carts.ByCustomerIndex.Name}' for customer {customer} on table '{_cartsTable}'";

    private string SaveOperation(string cartId) => $"TransactWriteItems of cart {cartId} on tables '{_cartsTable}' and '{_outboxTable}'";

    private Put CartPut(Cart cart) => cart.PersistedVersion == 0
        ? new Put
        {
            TableName = _cartsTable,
            Item = CartsTableItem.From(cart),
            ConditionExpression = CartDoesNotExist,
            ExpressionAttributeNames = new() { ["#cartId"] = DynamoDbSchema.Carts.PartitionKey },
        }
        : new Put
        {
            TableName = _cartsTable,
            Item = CartsTableItem.From(cart),
            ConditionExpression = CartIsAtExpectedVersion,
            ExpressionAttributeNames = new() { ["#version"] = DynamoDbSchema.Carts.Version },
            ExpressionAttributeValues = new() { [":expectedVersion"] = AttributeValues.Number(cart.PersistedVersion) },
        };

    private Put OutboxPut(OutboxRecord record, DateTimeOffset expiresAt) => new()
    {
        TableName = _outboxTable,
        Item = OutboxTableItem.From(record, expiresAt),
        ConditionExpression = OutboxItemDoesNotExist,
        ExpressionAttributeNames = new() { ["#eventKey"] = DynamoDbSchema.Outbox.SortKey },
    };

    private List<string> Describe(Cart cart, IReadOnlyList<OutboxRecord> outbox) =>
    [
        $"cart {cart.Id} (expected version {cart.PersistedVersion}) in table '{_cartsTable}'",
        .. outbox.Select(r => $"outbox item {r.CartId}/{DynamoDbSchema.Outbox.EventKeyFor(r.CartVersion, r.EventIndex)} in table '{_outboxTable}'"),
    ];
}
