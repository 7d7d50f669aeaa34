namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// The one definition of both tables' keys, stream and TTL. The DynamoDB adapter writes with these names and the CDK
/// stack creates the tables from them, so the deployed schema and the code cannot drift apart. Plain strings only:
/// no SDK or CDK types, so both sides can use it.
/// </summary>
public static class DynamoDbSchema
{
    /// <summary>On-demand capacity: a cart service's traffic is spiky and small.</summary>
    public const string BillingMode = "PAY_PER_REQUEST";

    /// <summary>Key attribute type of every key here: string.</summary>
    public const string KeyType = "S";

    public static class Carts
    {
        public const string DefaultTableName = "shopping-cart-carts";
        public const string PartitionKey = "cartId";
    }

    public static class Outbox
    {
        public const string DefaultTableName = "shopping-cart-outbox";

        /// <summary>The cart id: one cart's records share a partition, hence a stream shard, hence their order.</summary>
        public const string PartitionKey = "cartId";

        /// <summary>Cart version and event index, zero-padded so string order is numeric order (<see cref="EventKeyFor"/>).</summary>
        public const string SortKey = "eventKey";

        /// <summary>TTL attribute, a Number of epoch SECONDS.</summary>
        public const string TimeToLiveAttribute = "expiresAt";

        /// <summary>The forwarder needs only the inserted record.</summary>
        public const string StreamViewType = "NEW_IMAGE";

        // The other attributes of an outbox item, one per OutboxRecord field.
        public const string EventId = "eventId";        // S
        public const string EventType = "eventType";    // S
        public const string SchemaVersion = "schemaVersion"; // N
        public const string OccurredAt = "occurredAt";  // S, ISO 8601 UTC ("O" format)
        public const string CartVersion = "cartVersion"; // N
        public const string EventIndex = "eventIndex";  // N
        public const string CorrelationId = "correlationId"; // S
        public const string Payload = "payload";        // S, the integration event JSON

        /// <summary>"00000000000000000007#000": version then index, zero-padded so string order is numeric order.</summary>
        public static string EventKeyFor(long cartVersion, int eventIndex) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cartVersion:D20}#{eventIndex:D3}");
    }
}
