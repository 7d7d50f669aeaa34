using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>The value encodings both tables share: numbers in invariant culture, instants as ISO 8601 UTC.</summary>
internal static class AttributeValues
{
    public const string TimestampFormat = "O";

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Timestamp(DateTimeOffset value) => new() { S = value.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture) };
}
