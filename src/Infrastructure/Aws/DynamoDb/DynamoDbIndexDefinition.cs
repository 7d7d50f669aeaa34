namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// A global secondary index the deployment must create. Keys are of type <see cref="DynamoDbSchema.KeyType"/>, every
/// attribute is projected (a query answers whole items, with no second read per item). Plain strings, so the CDK
/// project can use it.
/// </summary>
/// <param name="Name">The index name, as a Query names it.</param>
/// <param name="PartitionKey">The index's partition (hash) key attribute.</param>
/// <param name="SortKey">The index's sort (range) key attribute.</param>
public sealed record DynamoDbIndexDefinition(string Name, string PartitionKey, string SortKey);
