using System.Globalization;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>Instants are stored as ISO 8601 UTC text in round-trip format, the same text the DynamoDB items hold.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
