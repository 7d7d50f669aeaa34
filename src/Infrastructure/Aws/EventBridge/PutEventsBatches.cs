namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>Cuts entries into PutEvents calls: at most 10 entries and less than 256 KB of entry size per call, order kept.</summary>
public static class PutEventsBatches
{
    /// <param name="items">What to send, in order.</param>
    /// <param name="sizeOf">Each item's entry size (<see cref="PutEventsEntrySize.Of"/>); none may exceed the limit.</param>
    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> items, Func<T, int> sizeOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(sizeOf);
        var batches = new List<IReadOnlyList<T>>();
        var current = new List<T>(PutEventsEntrySize.MaxEntriesPerRequest);
        var currentBytes = 0;
        foreach (var item in items)
        {
            var size = sizeOf(item);
            if (!PutEventsEntrySize.IsAccepted(size))
            {
                throw new ArgumentException($"An entry of {size} bytes can never be sent; it must be less than {PutEventsEntrySize.MaxBytes}.", nameof(items));
            }

            if (current.Count == PutEventsEntrySize.MaxEntriesPerRequest || !PutEventsEntrySize.IsAccepted(currentBytes + size))
            {
                batches.Add(current);
                current = new List<T>(PutEventsEntrySize.MaxEntriesPerRequest);
                currentBytes = 0;
            }

            current.Add(item);
            currentBytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}
