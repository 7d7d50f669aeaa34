using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace ShoppingCart.Infrastructure.Aws.DynamoDb;

/// <summary>
/// The <c>ClientRequestToken</c> of a save: 36 hex characters of the SHA-256 of the cart id, the new version and the
/// transaction's whole content.
/// </summary>
/// <remarks>
/// <para>
/// Why a token at all: when a TransactWriteItems commits but its answer is lost (a 500, a dropped connection), the SDK
/// sends the same request again. Without a token the repeat fails its own version condition and a save that succeeded
/// would be reported as a conflict; with the same token DynamoDB recognises the repeat for 10 minutes and answers with
/// success without writing again.
/// </para>
/// <para>
/// Why the content is in it: a token per (cart id, new version) alone is not unique per request. Two requests that both
/// read version N both write N+1; the loser's condition fails, but if it carried the winner's token with different items,
/// DynamoDB would answer <c>IdempotentParameterMismatch</c> instead of the <c>ConditionalCheckFailed</c> that tells us
/// it is a version conflict. With the content hashed in, only a byte-identical repeat shares a token, and for that one
/// "already done" is the right answer: the stored state and events are exactly what it asked for.
/// </para>
/// <para>
/// The content includes the outbox TTL, which is computed from the clock at each save: the SDK's retries resend the
/// same request (same token), while a later save of the same cart is a new request whose version condition decides.
/// </para>
/// </remarks>
internal static class TransactionTokens
{
    /// <summary>DynamoDB accepts tokens of 1 to 36 characters.</summary>
    public const int Length = 36;

    public static string For(string cartId, long newVersion, IReadOnlyList<TransactWriteItem> items)
    {
        var canonical = new StringBuilder();
        canonical.Append(cartId).Append('\n').Append(newVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var item in items)
        {
            AppendPut(canonical, item.Put ?? throw new ArgumentException("Only Put actions are tokenised.", nameof(items)));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    private static void AppendPut(StringBuilder text, Put put)
    {
        text.Append("put");
        AppendString(text, put.TableName ?? string.Empty);
        AppendString(text, put.ConditionExpression ?? string.Empty);
        AppendMap(text, put.ExpressionAttributeNames?.ToDictionary(n => n.Key, n => new AttributeValue { S = n.Value }));
        AppendMap(text, put.ExpressionAttributeValues);
        AppendMap(text, put.Item);
    }

    // Length-prefixed strings and attributes sorted by name: two different maps can never render the same text.
    private static void AppendMap(StringBuilder text, Dictionary<string, AttributeValue>? map)
    {
        text.Append('{');
        foreach (var (name, value) in (map ?? []).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            AppendString(text, name);
            AppendValue(text, value);
        }

        text.Append('}');
    }

    private static void AppendValue(StringBuilder text, AttributeValue value)
    {
        if (value.S is { } s)
        {
            text.Append('S');
            AppendString(text, s);
        }
        else if (value.N is { } n)
        {
            text.Append('N');
            AppendString(text, n);
        }
        else if (value.L is { } list)
        {
            text.Append("L[");
            foreach (var element in list)
            {
                AppendValue(text, element);
            }

            text.Append(']');
        }
        else if (value.M is { } map)
        {
            text.Append('M');
            AppendMap(text, map);
        }
        else
        {
            throw new ArgumentException("Only S, N, L and M values are written by the cart store.", nameof(value));
        }
    }

    private static void AppendString(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
}
