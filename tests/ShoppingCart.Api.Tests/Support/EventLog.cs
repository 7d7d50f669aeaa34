using System.Diagnostics;
using System.Text.Json;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>The local event bus's JSON-lines log, read while the app may still be appending to it.</summary>
public sealed class EventLog(string path)
{
    public string Path => path;

    /// <summary>Every complete line, parsed; a line still being written (no newline yet) is left for the next read.</summary>
    public IReadOnlyList<JsonElement> ReadAll()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return [.. complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>Polls the log until <paramref name="condition"/> holds, failing with what was seen after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitUntilAsync(Func<IReadOnlyList<JsonElement>, bool> condition, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var events = ReadAll();
            if (condition(events))
            {
                return events;
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                Assert.Fail($"The event log {path} did not reach the expected state within {timeout}; it holds {events.Count} events:\n{string.Join('\n', events)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }
}
