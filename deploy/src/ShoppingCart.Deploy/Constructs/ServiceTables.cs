using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// The carts table and the outbox table, keyed, indexed, streamed and expired exactly as the shared schema says. Both are
/// on-demand, encrypted with an AWS-owned key (no key charges), recoverable to any second of the last 35 days, and, unless
/// the environment is a throwaway one, protected against deletion (the stack decides what its deletion removes).
/// </summary>
internal sealed class ServiceTables : Construct
{
    public ServiceTables(Construct scope, string id, string cartsTableName, string outboxTableName, bool throwaway)
        : base(scope, id)
    {
        Carts = TableFrom(DynamoDbSchema.Carts.Definition, "Carts", cartsTableName, throwaway);
        Outbox = TableFrom(DynamoDbSchema.Outbox.Definition, "Outbox", outboxTableName, throwaway);
    }

    public Table Carts { get; }

    public Table Outbox { get; }

    private Table TableFrom(DynamoDbTableDefinition definition, string id, string tableName, bool throwaway)
    {
        var table = new Table(this, id, Props(definition, tableName, throwaway));
        foreach (var index in definition.GlobalSecondaryIndexes)
        {
            table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
            {
                IndexName = index.Name,
                PartitionKey = Key(index.PartitionKey),
                SortKey = Key(index.SortKey),
                ProjectionType = ProjectionType.ALL,
            });
        }

        return table;
    }

    private static TableProps Props(DynamoDbTableDefinition definition, string tableName, bool throwaway) => new()
    {
        TableName = tableName,
        PartitionKey = Key(definition.PartitionKey),
        SortKey = definition.SortKey is { } sortKey ? Key(sortKey) : null,
        BillingMode = SchemaMapping.BillingModeOf(DynamoDbSchema.BillingMode),
        PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        Encryption = TableEncryption.DEFAULT,
        Stream = definition.StreamViewType is { } streamView ? SchemaMapping.StreamViewTypeOf(streamView) : null,
        TimeToLiveAttribute = definition.TimeToLiveAttribute,
        DeletionProtection = !throwaway,
    };

    private static Attribute Key(string name) =>
        new() { Name = name, Type = SchemaMapping.AttributeTypeOf(DynamoDbSchema.KeyType) };
}
