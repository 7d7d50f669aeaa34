using Microsoft.Extensions.Options;
using ShoppingCart.Infrastructure.Aws.DynamoDb;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>Table names that differ from the defaults, so a test proves the store writes where configuration says.</summary>
internal static class TestTables
{
    public const string Carts = "test-carts";
    public const string Outbox = "test-outbox";

    public static readonly TimeSpan OutboxRetention = TimeSpan.FromDays(9);

    public static IReadOnlyDictionary<string, DynamoDbTableDefinition> Definitions { get; } = new Dictionary<string, DynamoDbTableDefinition>
    {
        [Carts] = DynamoDbSchema.Carts.Definition,
        [Outbox] = DynamoDbSchema.Outbox.Definition,
    };

    public static IOptions<DynamoDbCartStoreOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new DynamoDbCartStoreOptions { CartsTable = Carts, OutboxTable = Outbox, OutboxRetention = OutboxRetention });
}
