using System.Text.Json;

namespace ShoppingCart.Benchmarks.WolverinePeer;

/// <summary>
/// Appends each event as one JSON line in the service's envelope shape (<c>detail.metadata</c> carries cartId,
/// cartVersion and occurredAt), written whole and unbuffered as the service's event bus does, so the harness's log
/// tail reads both apps' logs alike.
/// </summary>
public sealed class EventLogFile(string path) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _file = new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    public void Append(CartChanged change)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = change.EventId,
            detailType = change.EventType,
            source = "wolverine-peer",
            detail = new
            {
                metadata = new { cartId = change.CartId, cartVersion = change.CartVersion, occurredAt = change.OccurredAt },
                data = new { items = change.Items },
            },
        });
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        lock (_gate)
        {
            _file.Write(line);
        }
    }

    public void Dispose() => _file.Dispose();
}
