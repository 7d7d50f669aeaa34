using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace ShoppingCart.Deploy.Constructs;

/// <summary>
/// The carts table and the outbox table, keyed, streamed and expired exactly as the shared schema says. Both are
/// on-demand, encrypted with an AWS-owned key (no key charges), recoverable to any second of the last 35 days, and, unless
/// the environment is a throwaway one, protected against deletion (the stack decides what its deletion removes).
/// </summary>
internal sealed class ServiceTables : Construct
{
    public ServiceTables(Construct scope, string id, string cartsTableName, string outboxTableName, bool throwaway)
        : base(scope, id)
    {
        Carts = new Table(this, "Carts", new TableProps
        {
            TableName = cartsTableName,
            PartitionKey = Key(DynamoDbSchema.Carts.PartitionKey),
            BillingMode = SchemaMapping.BillingModeOf(DynamoDbSchema.BillingMode),
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
            Encryption = TableEncryption.DEFAULT,
            DeletionProtection = !throwaway,
        });

        Outbox = new Table(this, "Outbox", new TableProps
        {
            TableName = outboxTableName,
            PartitionKey = Key(DynamoDbSchema.Outbox.PartitionKey),
            SortKey = Key(DynamoDbSchema.Outbox.SortKey),
            BillingMode = SchemaMapping.BillingModeOf(DynamoDbSchema.BillingMode),
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
            Encryption = TableEncryption.DEFAULT,
            Stream = SchemaMapping.StreamViewTypeOf(DynamoDbSchema.Outbox.StreamViewType),
            TimeToLiveAttribute = DynamoDbSchema.Outbox.TimeToLiveAttribute,
            DeletionProtection = !throwaway,
        });
    }

    public Table Carts { get; }

    public Table Outbox { get; }

    private static Attribute Key(string name) =>
        new() { Name = name, Type = SchemaMapping.AttributeTypeOf(DynamoDbSchema.KeyType) };
}
