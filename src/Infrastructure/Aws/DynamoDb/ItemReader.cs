using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>Reads typed attributes of a stored item, failing with the table, the attribute and what was wrong.</summary>
internal sealed class ItemReader(Dictionary<string, AttributeValue> item, string tableName, string? path = null)
{
    public string String(string name) =>
        Get(name).S ?? throw Unreadable(name, "expected a String");

    public long Long(string name)
    {
        var number = Get(name).N ?? throw Unreadable(name, "expected a Number");
        return long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unreadable(name, $"'{number}' is not a whole number");
    }

    public DateTimeOffset Timestamp(string name)
    {
        var text = String(name);
        return DateTimeOffset.TryParseExact(text, AttributeValues.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Unreadable(name, $"'{text}' is not an ISO 8601 timestamp");
    }

    public List<AttributeValue> List(string name) =>
        Get(name).L ?? throw Unreadable(name, "expected a List");

    /// <summary>A reader for a map nested inside this item (errors still name the item's table).</summary>
    public ItemReader Nested(Dictionary<string, AttributeValue> map, string attribute) => new(map, tableName, Qualified(attribute));

    public DynamoDbStoreException Unreadable(string name, string problem) =>
        new($"An item of DynamoDB table '{tableName}' is unreadable: attribute '{Qualified(name)}': {problem}.", "UnreadableItem");

    private AttributeValue Get(string name) =>
        item.TryGetValue(name, out var value) ? value : throw Unreadable(name, "missing");

    private string Qualified(string name) => path is null ? name : $"{path}.{name}";
}
