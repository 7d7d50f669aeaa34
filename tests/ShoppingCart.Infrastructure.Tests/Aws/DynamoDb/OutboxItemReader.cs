using System.Globalization;
using System.Text.Json.Nodes;
using ShoppingCart.Application.Outbox;
using Schema = ShoppingCart.Infrastructure.Aws.DynamoDb.DynamoDbSchema.Outbox;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// Reads an outbox item in DynamoDB JSON back into a record, independently of the store's own mapping, with the
/// shared attribute names and types the stream forwarder relies on (strings as S, numbers as N).
/// </summary>
internal static class OutboxItemReader
{
    public static OutboxRecord Read(JsonObject item) => new(
        S(item, Schema.EventId),
        S(item, Schema.EventType),
        int.Parse(N(item, Schema.SchemaVersion), CultureInfo.InvariantCulture),
        DateTimeOffset.ParseExact(S(item, Schema.OccurredAt), "O", CultureInfo.InvariantCulture),
        S(item, Schema.PartitionKey),
        long.Parse(N(item, Schema.CartVersion), CultureInfo.InvariantCulture),
        int.Parse(N(item, Schema.EventIndex), CultureInfo.InvariantCulture),
        S(item, Schema.CorrelationId),
        S(item, Schema.Payload));

    public static string S(JsonObject item, string name) => item[name]!["S"]!.GetValue<string>();

    public static string N(JsonObject item, string name) => item[name]!["N"]!.GetValue<string>();
}
