using System.Text;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// Entry size as EventBridge computes it ("Calculating PutEvents event entry size", EventBridge user guide): 14 bytes
/// for Time if set, plus the UTF-8 bytes of Source, DetailType, Detail and each Resource. Neither the event bus name
/// nor the JSON around the entry counts. The same limit applies to one entry and to a whole request: "The total entry
/// size must be less than 256KB" (the API reference says "maximum 256 KB"; the stricter reading is the one kept).
/// </summary>
public static class PutEventsEntrySize
{
    /// <summary>256 KB: one entry, and the sum of a request's entries, must weigh less.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>Entries per PutEvents call.</summary>
    public const int MaxEntriesPerRequest = 10;

    private const int TimeBytes = 14;

    /// <summary>Whether EventBridge accepts an entry (or a request) of this size: less than <see cref="MaxBytes"/>.</summary>
    public static bool IsAccepted(int size) => size < MaxBytes;

    public static int Of(PutEventsRequestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var size = entry.Time is null ? 0 : TimeBytes;
        size += Encoding.UTF8.GetByteCount(entry.Source);
        size += Encoding.UTF8.GetByteCount(entry.DetailType);
        size += Encoding.UTF8.GetByteCount(entry.Detail);
        foreach (var resource in entry.Resources ?? [])
        {
            size += Encoding.UTF8.GetByteCount(resource);
        }

        return size;
    }
}
