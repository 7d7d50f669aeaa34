using System.Globalization;

namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>An embedded outbox entry's position is its row's sequence number, written as an invariant integer.</summary>
public static class OutboxPositions
{
    public static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    public static long Parse(string position) => long.Parse(position, NumberStyles.None, CultureInfo.InvariantCulture);
}
