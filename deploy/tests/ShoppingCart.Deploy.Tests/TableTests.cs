using Amazon.CDK.Assertions;
using ShoppingCart.Deploy.Settings;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class TableTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    [Fact]
    public void Carts_table_is_keyed_by_the_shared_schema_partition_key_and_indexed_by_customer_and_update_time()
    {
        var index = DynamoDbSchema.Carts.ByCustomerIndex;
        _template.Assertions.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = DynamoDbSchema.Carts.DefaultTableName,
            ["KeySchema"] = new object[] { Key(DynamoDbSchema.Carts.PartitionKey, "HASH") },
            ["AttributeDefinitions"] = new object[] { Attribute(DynamoDbSchema.Carts.PartitionKey), Attribute(index.PartitionKey), Attribute(index.SortKey) },
            ["GlobalSecondaryIndexes"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["IndexName"] = index.Name,
                    ["KeySchema"] = new object[] { Key(index.PartitionKey, "HASH"), Key(index.SortKey, "RANGE") },
                    ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = "ALL" },
                },
            },
        });
    }

    [Fact]
    public void Outbox_table_is_keyed_by_cart_and_event_key_from_the_shared_schema()
    {
        _template.Assertions.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = DynamoDbSchema.Outbox.DefaultTableName,
            ["KeySchema"] = new object[]
            {
                Key(DynamoDbSchema.Outbox.PartitionKey, "HASH"),
                Key(DynamoDbSchema.Outbox.SortKey, "RANGE"),
            },
            ["AttributeDefinitions"] = Match.ArrayWith(new object[]
            {
                Attribute(DynamoDbSchema.Outbox.PartitionKey),
                Attribute(DynamoDbSchema.Outbox.SortKey),
            }),
        });
    }

    [Fact]
    public void Outbox_streams_new_images_and_expires_records_on_the_ttl_attribute()
    {
        _template.Assertions.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = DynamoDbSchema.Outbox.DefaultTableName,
            ["StreamSpecification"] = new Dictionary<string, object> { ["StreamViewType"] = DynamoDbSchema.Outbox.StreamViewType },
            ["TimeToLiveSpecification"] = new Dictionary<string, object>
            {
                ["AttributeName"] = DynamoDbSchema.Outbox.TimeToLiveAttribute,
                ["Enabled"] = true,
            },
        });
    }

    [Fact]
    public void Carts_table_has_no_stream_since_nothing_reads_it()
    {
        _template.Assertions.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = DynamoDbSchema.Carts.DefaultTableName,
            ["StreamSpecification"] = Match.Absent(),
        });
    }

    [Fact]
    public void Both_tables_bill_on_demand_with_point_in_time_recovery_and_an_aws_owned_key()
    {
        var tables = _template.ResourcesOfType("AWS::DynamoDB::Table");

        Assert.Equal(2, tables.Count);
        Assert.All(tables, table =>
        {
            Assert.Equal(DynamoDbSchema.BillingMode, table.Property("BillingMode").GetString());
            Assert.True(table.Property("PointInTimeRecoverySpecification").GetProperty("PointInTimeRecoveryEnabled").GetBoolean());
            // SSEEnabled false is DynamoDB's AWS-owned key; true would select an AWS-managed (KMS) or customer key.
            Assert.False(table.Property("SSESpecification").GetProperty("SSEEnabled").GetBoolean());
        });
    }

    [Fact]
    public void Tables_are_retained_and_protected_against_deletion_by_default()
    {
        Assert.All(_template.ResourcesOfType("AWS::DynamoDB::Table"), table =>
        {
            Assert.Equal("Retain", table.Attribute("DeletionPolicy"));
            Assert.Equal("Retain", table.Attribute("UpdateReplacePolicy"));
            Assert.True(table.Property("DeletionProtectionEnabled").GetBoolean());
        });
    }

    [Fact]
    public void A_throwaway_environment_deletes_its_tables_and_log_groups_with_the_stack()
    {
        var throwaway = fixture.Synthesize(new DeploymentSettings { Throwaway = true });

        Assert.All(throwaway.ResourcesOfType("AWS::DynamoDB::Table"), table =>
        {
            Assert.Equal("Delete", table.Attribute("DeletionPolicy"));
            Assert.False(table.Property("DeletionProtectionEnabled").GetBoolean());
        });
        var logGroups = throwaway.ResourcesOfType("AWS::Logs::LogGroup");
        Assert.NotEmpty(logGroups);
        Assert.All(logGroups, group => Assert.Equal("Delete", group.Attribute("DeletionPolicy")));
    }

    [Fact]
    public void Table_names_come_from_the_settings()
    {
        var renamed = fixture.Synthesize(new DeploymentSettings { CartsTableName = "dev-carts", OutboxTableName = "dev-outbox" });

        var names = renamed.ResourcesOfType("AWS::DynamoDB::Table").Select(table => table.Property("TableName").GetString()).Order();
        Assert.Equal(["dev-carts", "dev-outbox"], names);
    }

    private static Dictionary<string, object> Key(string name, string keyType) =>
        new() { ["AttributeName"] = name, ["KeyType"] = keyType };

    private static Dictionary<string, object> Attribute(string name) =>
        new() { ["AttributeName"] = name, ["AttributeType"] = DynamoDbSchema.KeyType };
}
