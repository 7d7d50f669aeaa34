namespace ShoppingCart.Deploy.Tests;

/// <summary>
/// Reads AWS_LWA_ERROR_STATUS_CODES as the Lambda Web Adapter does (aws-lambda-web-adapter src/lib.rs,
/// <c>parse_status_codes</c>): comma-separated codes and "a-b" ranges, anything unreadable ignored.
/// </summary>
internal static class AdapterStatusCodes
{
    public static IReadOnlyList<int> Parse(string value) =>
        value.Split(',').SelectMany(part =>
        {
            part = part.Trim();
            if (part.Contains('-', StringComparison.Ordinal))
            {
                var range = part.Split('-');
                return range.Length == 2 && ushort.TryParse(range[0], out var start) && ushort.TryParse(range[1], out var end)
                    ? Enumerable.Range(start, Math.Max(0, end - start + 1))
                    : [];
            }

            return ushort.TryParse(part, out var code) ? [(int)code] : [];
        }).ToList();
}
