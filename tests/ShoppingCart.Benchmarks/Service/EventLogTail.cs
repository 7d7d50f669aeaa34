using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace ShoppingCart.Benchmarks.Service;

/// <summary>
/// Follows the local event bus's JSON-lines log while the app runs and notes, for every event line, the moment this
/// process first saw it (UTC) keyed by the event's cart id and cart version. The bus appends and flushes whole lines,
/// so a complete line is a published event. It wakes on the file's change notification (inotify) and also looks every
/// few milliseconds in case a notification is coalesced, so a line is seen within about that long of its write.
/// </summary>
internal sealed class EventLogTail : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(3);

    private readonly string _path;
    private readonly ConcurrentDictionary<(string CartId, long Version), PublishedEvent> _seen = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly FileSystemWatcher _watcher;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<byte> _partialLine = [];
    private long _offset;
    private long _lines;
    private int _malformedLines;

    public EventLogTail(string path)
    {
        _path = path;
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
        };
        _watcher.Changed += (_, _) => Wake();
        _watcher.Created += (_, _) => Wake();
        _watcher.EnableRaisingEvents = true;
        _loop = Task.Run(FollowAsync);
    }

    /// <summary>Lines that were not event envelopes with a cart id, version and occurredAt in their metadata.</summary>
    public int MalformedLines => Volatile.Read(ref _malformedLines);

    public bool TryGet(string cartId, long version, out PublishedEvent published) => _seen.TryGetValue((cartId, version), out published);

    /// <summary>Waits until every key in <paramref name="expected"/> has been seen, or the timeout passes; returns how many are still missing.</summary>
    public async Task<int> WaitForAsync(IReadOnlyCollection<(string CartId, long Version)> expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var missing = expected.Count(key => !_seen.ContainsKey(key));
            if (missing == 0 || DateTimeOffset.UtcNow > deadline)
            {
                return missing;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watcher.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _changed.Dispose();
    }

    private void Wake()
    {
        if (_changed.CurrentCount == 0)
        {
            _changed.Release();
        }
    }

    private async Task FollowAsync()
    {
        var buffer = new byte[64 * 1024];
        while (!_stop.IsCancellationRequested)
        {
            ReadNewLines(buffer);
            try
            {
                await _changed.WaitAsync(PollInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        ReadNewLines(buffer);
    }

    private void ReadNewLines(byte[] buffer)
    {
        if (!File.Exists(_path))
        {
            return;
        }

        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        if (file.Length <= _offset)
        {
            return;
        }

        file.Position = _offset;
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            var seenAt = DateTimeOffset.UtcNow;
            _offset += read;
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                if (_partialLine.Count > 0)
                {
                    _partialLine.AddRange(buffer.AsSpan(start, i - start));
                    Record(_partialLine.ToArray(), seenAt);
                    _partialLine.Clear();
                }
                else
                {
                    Record(buffer.AsSpan(start, i - start), seenAt);
                }

                start = i + 1;
            }

            _partialLine.AddRange(buffer.AsSpan(start, read - start));
        }
    }

    private void Record(ReadOnlySpan<byte> line, DateTimeOffset seenAt)
    {
        if (line.IsEmpty)
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(line);
            using var envelope = JsonDocument.ParseValue(ref reader);
            var metadata = envelope.RootElement.GetProperty("detail").GetProperty("metadata");
            var cartId = metadata.GetProperty("cartId").GetString()!;
            var version = metadata.GetProperty("cartVersion").GetInt64();
            var occurredAt = DateTimeOffset.Parse(metadata.GetProperty("occurredAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            _seen.TryAdd((cartId, version), new PublishedEvent(seenAt, occurredAt, _lines++));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            // Counted, not thrown: the tail must keep following; the section reports lines it could not read.
            Interlocked.Increment(ref _malformedLines);
        }
    }
}
