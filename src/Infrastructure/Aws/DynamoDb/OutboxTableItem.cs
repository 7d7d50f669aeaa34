using Amazon.DynamoDBv2.Model;
using ShoppingCart.Application.Outbox;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>An outbox record as an item of the outbox table (layout in <see cref="DynamoDbSchema"/>).</summary>
internal static class OutboxTableItem
{
    /// <param name="record">The record to store.</param>
    /// <param name="expiresAt">When DynamoDB may delete the item (TTL); written as epoch SECONDS, as TTL requires.</param>
    public static Dictionary<string, AttributeValue> From(OutboxRecord record, DateTimeOffset expiresAt) => new()
    {
        [Schema.PartitionKey] = new AttributeValue { S = record.CartId },
        [Schema.SortKey] = new AttributeValue { S = Schema.EventKeyFor(record.CartVersion, record.EventIndex) },
        [Schema.EventId] = new AttributeValue { S = record.EventId },
        [Schema.EventType] = new AttributeValue { S = record.EventType },
        [Schema.SchemaVersion] = AttributeValues.Number(record.SchemaVersion),
        [Schema.OccurredAt] = AttributeValues.Timestamp(record.OccurredAt),
        [Schema.CartVersion] = AttributeValues.Number(record.CartVersion),
        [Schema.EventIndex] = AttributeValues.Number(record.EventIndex),
        [Schema.CorrelationId] = new AttributeValue { S = record.CorrelationId },
        [Schema.Payload] = new AttributeValue { S = record.Payload },
        [Schema.TimeToLiveAttribute] = AttributeValues.Number(expiresAt.ToUnixTimeSeconds()),
    };

    /// <summary>The record an item holds; throws <see cref="DynamoDbStoreException"/> naming what is missing or wrong.</summary>
    public static OutboxRecord Read(Dictionary<string, AttributeValue> item, string tableName)
    {
        var reader = new ItemReader(item, tableName);
        return new OutboxRecord(
            reader.String(Schema.EventId),
            reader.String(Schema.EventType),
            checked((int)reader.Long(Schema.SchemaVersion)),
            reader.Timestamp(Schema.OccurredAt),
            reader.String(Schema.PartitionKey),
            reader.Long(Schema.CartVersion),
            checked((int)reader.Long(Schema.EventIndex)),
            reader.String(Schema.CorrelationId),
            reader.String(Schema.Payload));
    }
}
