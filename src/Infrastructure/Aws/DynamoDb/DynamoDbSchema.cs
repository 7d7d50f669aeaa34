using System.Globalization;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// The one definition of both tables' keys, stream and TTL. The DynamoDB adapter writes with these names and the CDK
/// stack creates the tables from them, so the deployed schema and the code cannot drift apart. Plain strings only:
/// no SDK or CDK types, so both sides can use it.
/// </summary>
/// <remarks>
/// Item layouts (DynamoDB type in brackets).
/// <para>
/// Carts table, one item per cart:
/// <c>cartId</c> [S, partition key, lower-case hyphenated GUID], <c>customerId</c> [S], <c>status</c> [S, <c>Open</c> or
/// <c>CheckedOut</c>], <c>lines</c> [L of M <c>{ sku [S], quantity [N] }</c>, in cart order — a List, not a Map, because
/// line order is part of the cart], <c>version</c> [N, the optimistic-concurrency token], <c>createdAt</c> and
/// <c>updatedAt</c> [S, ISO 8601 UTC, "O" format]. No stream, no TTL. Global secondary index
/// <see cref="Carts.ByCustomerIndex"/>: <c>customerId</c>, <c>updatedAt</c> (fixed-width UTC text, so string order is
/// time order), all attributes projected.
/// </para>
/// <para>
/// Outbox table, one item per event, written in the same transaction as the cart:
/// <c>cartId</c> [S, partition key], <c>eventKey</c> [S, sort key, <see cref="Outbox.EventKeyFor"/>], <c>eventId</c> [S],
/// <c>eventType</c> [S], <c>schemaVersion</c> [N], <c>occurredAt</c> [S, ISO 8601 UTC, "O" format], <c>cartVersion</c> [N],
/// <c>eventIndex</c> [N], <c>correlationId</c> [S], <c>payload</c> [S, the integration event JSON], <c>expiresAt</c>
/// [N, TTL in epoch seconds]. Stream: NEW_IMAGE.
/// </para>
/// </remarks>
public static class DynamoDbSchema
{
    /// <summary>On-demand capacity: a cart service's traffic is spiky and small.</summary>
    public const string BillingMode = "PAY_PER_REQUEST";

    /// <summary>Key attribute type of every key here: string.</summary>
    public const string KeyType = "S";

    /// <summary>Both tables, for code that treats them alike (the CDK stack, the tests' DynamoDB double).</summary>
    public static IReadOnlyList<DynamoDbTableDefinition> Tables { get; } = [Carts.Definition, Outbox.Definition];

    public static class Carts
    {
        public const string DefaultTableName = "shopping-cart-carts";
        public const string PartitionKey = "cartId";

        public const string CustomerId = "customerId"; // S
        public const string Status = "status";         // S, the CartStatus name
        public const string Lines = "lines";           // L of M { sku, quantity }, in cart order
        public const string LineSku = "sku";           // S, inside a line
        public const string LineQuantity = "quantity"; // N, inside a line
        public const string Version = "version";       // N
        public const string CreatedAt = "createdAt";   // S, ISO 8601 UTC ("O" format)
        public const string UpdatedAt = "updatedAt";   // S, ISO 8601 UTC ("O" format)

        /// <summary>A customer's carts, most recently updated first (<c>GET /carts</c>): queried with ScanIndexForward false.</summary>
        public static DynamoDbIndexDefinition ByCustomerIndex { get; } = new("byCustomerUpdatedAt", CustomerId, UpdatedAt);

        /// <summary>
        /// The carts table: no sort key, no stream (events leave through the outbox), no TTL (carts are kept), one index
        /// by customer.
        /// </summary>
        public static DynamoDbTableDefinition Definition { get; } =
            new(DefaultTableName, PartitionKey, SortKey: null, StreamViewType: null, TimeToLiveAttribute: null) { GlobalSecondaryIndexes = [ByCustomerIndex] };
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

        /// <summary>How long DynamoDB Streams keeps a record (fixed by AWS); outbox items must outlive it.</summary>
        public static readonly TimeSpan StreamRetention = TimeSpan.FromHours(24);

        /// <summary>
        /// How long an outbox item is kept by default: well beyond <see cref="StreamRetention"/>, so records of an outage
        /// longer than the stream's memory can still be found and replayed from the table.
        /// </summary>
        public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

        /// <summary>The outbox table: keyed per cart and version, streamed as NEW_IMAGE, expired by TTL.</summary>
        public static DynamoDbTableDefinition Definition { get; } = new(DefaultTableName, PartitionKey, SortKey, StreamViewType, TimeToLiveAttribute);

        /// <summary>"00000000000000000007#000": version then index, zero-padded so string order is numeric order.</summary>
        public static string EventKeyFor(long cartVersion, int eventIndex) =>
            string.Create(CultureInfo.InvariantCulture, $"{cartVersion:D20}#{eventIndex:D3}");
    }
}
