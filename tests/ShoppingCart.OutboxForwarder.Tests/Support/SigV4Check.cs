using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>
/// An independent Signature Version 4 computation (AWS General Reference, "Create a signed AWS API request") over a
/// request as the server received it, to prove a signature is not merely present but right.
/// </summary>
internal static class SigV4Check
{
    public static string ExpectedSignature(
        string secretKey, string region, string service, string method, string path, IReadOnlyDictionary<string, string> headers, string signedHeaders, string body)
    {
        var amzDate = headers["X-Amz-Date"];
        var date = amzDate[..8];
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(name => $"{name}:{headers[name].Trim()}\n"));
        var canonicalRequest = string.Join('\n', method, path, string.Empty, canonicalHeaders, signedHeaders, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}
