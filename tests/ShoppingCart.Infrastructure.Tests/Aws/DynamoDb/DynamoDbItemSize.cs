using System.Text;
using System.Text.Json.Nodes;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// An item's size as DynamoDB's developer guide ("Item sizes and formats") documents it: the UTF-8 bytes of each
/// attribute name plus its value — a String its UTF-8 bytes, a Number 1 byte per two significant digits plus 1,
/// a List or Map 3 bytes plus each element's size and 1 byte per element, a Boolean or Null 1 byte.
/// </summary>
internal static class DynamoDbItemSize
{
    /// <summary>The item-size limit: 400 KB.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <param name="item">The item in DynamoDB JSON, e.g. <c>{"cartId":{"S":"…"}}</c>.</param>
    public static int Of(JsonObject item) => item.Sum(attribute => Bytes(attribute.Key) + ValueSize(attribute.Value!.AsObject()));

    private static int ValueSize(JsonObject value)
    {
        var (type, content) = value.Single();
        return type switch
        {
            "S" => Bytes(content!.GetValue<string>()),
            "N" => (SignificantDigits(content!.GetValue<string>()) + 1) / 2 + 1,
            "L" => 3 + content!.AsArray().Sum(element => 1 + ValueSize(element!.AsObject())),
            "M" => 3 + content!.AsObject().Sum(entry => 1 + Bytes(entry.Key) + ValueSize(entry.Value!.AsObject())),
            "BOOL" or "NULL" => 1,
            _ => throw new NotSupportedException($"No size rule here for a {type} value."),
        };
    }

    private static int SignificantDigits(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]).Trim('0');
        return Math.Max(digits.Length, 1);
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
