using System.Text.Json;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

/// <summary>Reads the local event bus's JSON-lines file the way a person tailing it would.</summary>
public static class EventLog
{
    public static async Task<IReadOnlyList<LoggedEvent>> ReadAsync(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var events = new List<LoggedEvent>();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync() is { } line)
        {
            events.Add(LoggedEvent.Parse(line));
        }

        return events;
    }

    /// <summary>Waits until the log satisfies <paramref name="condition"/>; fails after a generous timeout.</summary>
    public static async Task<IReadOnlyList<LoggedEvent>> WaitUntilAsync(string path, Func<IReadOnlyList<LoggedEvent>, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var events = await ReadAsync(path);
            if (condition(events))
            {
                return events;
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"The event log never reached the expected state; it holds {events.Count} events.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }
}

/// <summary>One line of the event log: the event id, type, cart and version from the detail, and the line itself.</summary>
public sealed record LoggedEvent(string Id, string DetailType, string CartId, long CartVersion, string Line, JsonElement Envelope)
{
    public static LoggedEvent Parse(string line)
    {
        var envelope = JsonDocument.Parse(line).RootElement;
        var metadata = envelope.GetProperty("detail").TryGetProperty("metadata", out var m) ? m : default;
        return new LoggedEvent(
            metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("eventId", out var id) ? id.GetString()! : "",
            envelope.GetProperty("detail-type").GetString()!,
            metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("cartId", out var cart) ? cart.GetString()! : "",
            metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("cartVersion", out var version) ? version.GetInt64() : 0,
            line,
            envelope);
    }
}
