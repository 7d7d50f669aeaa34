namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// What the deployment must create for one table. Every key is of type <see cref="DynamoDbSchema.KeyType"/> and every
/// table is billed <see cref="DynamoDbSchema.BillingMode"/>. Plain strings, so the CDK project can use it.
/// </summary>
/// <param name="DefaultName">The table name when configuration names none.</param>
/// <param name="PartitionKey">The partition (hash) key attribute.</param>
/// <param name="SortKey">The sort (range) key attribute, or null for a partition key only.</param>
/// <param name="StreamViewType">The DynamoDB stream view (e.g. <c>NEW_IMAGE</c>), or null for no stream.</param>
/// <param name="TimeToLiveAttribute">The TTL attribute (a Number of epoch seconds), or null for no TTL.</param>
public sealed record DynamoDbTableDefinition(
    string DefaultName,
    string PartitionKey,
    string? SortKey,
    string? StreamViewType,
    string? TimeToLiveAttribute)
{
    /// <summary>The table's global secondary indexes (none unless named).</summary>
    public IReadOnlyList<DynamoDbIndexDefinition> GlobalSecondaryIndexes { get; init; } = [];
}
