using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Operations;
using ShoppingCart.Application.Outbox;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// Outbox items still kept (until their TTL, <see cref="DynamoDbCartStoreOptions.OutboxRetention"/>, plus the up to two
/// days DynamoDB takes to delete an expired item). One cart: a Query on its partition, in sort-key (= version) order. A
/// time window: a Scan filtered on <c>occurredAt</c> — the table holds only the TTL's worth of events, and an index on
/// time would cost a write on every event to speed up a rare operator command. Both read every page
/// (LastEvaluatedKey → ExclusiveStartKey) with strongly consistent reads.
/// </summary>
public sealed class DynamoDbOutboxHistory(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbCartStoreOptions> options) : IOutboxHistory
{
    public async Task<OutboxSelection> FindAsync(RepublishScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = options.Value.OutboxTable;
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            (var page, startKey) = scope.CartId is { } cartId
                ? await QueryCartAsync(table, cartId, startKey, cancellationToken)
                : await ScanWindowAsync(table, scope, startKey, cancellationToken);
            items.AddRange(page);
        }
        while (startKey is { Count: > 0 });

        var entries = items.Select(item => EntryOf(item, table));
        if (scope.CartId is null)
        {
            // A scan returns items in no useful order; the oldest first reads well and publishes well.
            entries = entries.OrderBy(e => e.Record?.OccurredAt ?? DateTimeOffset.MaxValue).ThenBy(e => e.Position, StringComparer.Ordinal);
        }

        return new OutboxSelection([.. entries], LeftToRelay: 0);
    }

    private async Task<(List<Dictionary<string, AttributeValue>> Items, Dictionary<string, AttributeValue>? Next)> QueryCartAsync(
        string table, string cartId, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(
            new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "#cart = :cart",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#cart"] = Schema.PartitionKey },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":cart"] = new() { S = cartId } },
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            },
            cancellationToken);
        return (response.Items ?? [], response.LastEvaluatedKey);
    }

    private async Task<(List<Dictionary<string, AttributeValue>> Items, Dictionary<string, AttributeValue>? Next)> ScanWindowAsync(
        string table, RepublishScope scope, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue> { [":since"] = AttributeValues.Timestamp(scope.Since!.Value) };
        var filter = "#occurred >= :since";
        if (scope.Until is { } until)
        {
            values[":until"] = AttributeValues.Timestamp(until);
            filter += " AND #occurred < :until";
        }

        var response = await dynamoDb.ScanAsync(
            new ScanRequest
            {
                TableName = table,
                FilterExpression = filter,
                ExpressionAttributeNames = new Dictionary<string, string> { ["#occurred"] = Schema.OccurredAt },
                ExpressionAttributeValues = values,
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            },
            cancellationToken);
        return (response.Items ?? [], response.LastEvaluatedKey);
    }

    private static FeedEntry EntryOf(Dictionary<string, AttributeValue> item, string table)
    {
        var position = $"{(item.TryGetValue(Schema.PartitionKey, out var cart) ? cart.S : "?")}/{(item.TryGetValue(Schema.SortKey, out var key) ? key.S : "?")}";
        try
        {
            var record = OutboxTableItem.Read(item, table);
            return FeedEntry.Readable(position, record, record.Payload);
        }
        catch (DynamoDbStoreException exception)
        {
            return FeedEntry.Unreadable(position, string.Empty, exception.Message);
        }
    }
}
