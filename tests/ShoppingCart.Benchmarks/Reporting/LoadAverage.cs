using System.Globalization;

namespace ShoppingCart.Benchmarks.Reporting;

/// <summary>The kernel's one-minute load average (Linux); null where there is none.</summary>
internal static class LoadAverage
{
    public static double? OneMinute()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return null;
        }

        var first = File.ReadAllText(path).Split(' ', 2)[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
