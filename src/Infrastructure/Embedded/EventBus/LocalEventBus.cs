using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.Outbox;

namespace ShoppingCart.Infrastructure.Embedded.EventBus;

/// <summary>
/// The embedded event bus: for each event, one short line on the console and the full EventBridge envelope appended
/// to a JSON-lines file (the twin of the CloudWatch log group). Like PutEvents it answers per entry: a payload that is
/// not a JSON object fails permanently (<c>MalformedDetail</c>), and the optional fault injection fails a share of
/// entries with the retryable codes EventBridge uses, so retries can be watched.
/// </summary>
public sealed class LocalEventBus : IEventPublisher, IDisposable
{
    private static readonly string[] RetryableCodes = ["ThrottlingException", "InternalFailure"];

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly LocalEventBusOptions _settings;
    private readonly TextWriter _console;
    private readonly Random _faults;
    private FileStream? _log;

    public LocalEventBus(IOptions<EmbeddedOptions> options, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.EventBus;
        _console = console;
        _faults = _settings.FaultSeed is { } seed ? new Random(seed) : new Random();
        LogPath = Path.GetFullPath(_settings.EventLogPath);
    }

    public string LogPath { get; }

    public async Task<IReadOnlyList<PublishOutcome>> PublishAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        // One publisher at a time: lines never interleave, and the file's order is the publish order.
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var outcomes = new PublishOutcome[records.Count];
            var log = new StringBuilder();
            var console = new StringBuilder();
            for (var i = 0; i < records.Count; i++)
            {
                outcomes[i] = Accept(records[i], log, console);
            }

            if (log.Length > 0 && Append(log.ToString()) is { } failure)
            {
                return [.. outcomes.Select(o => o.Status == PublishStatus.Published ? failure : o)];
            }

            await _console.WriteAsync(console.ToString());
            return outcomes;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _log?.Dispose();
        _lock.Dispose();
    }

    private PublishOutcome Accept(OutboxRecord record, StringBuilder log, StringBuilder console)
    {
        if (_settings.FailureRate > 0 && _faults.NextDouble() < _settings.FailureRate)
        {
            var code = RetryableCodes[_faults.Next(RetryableCodes.Length)];
            return PublishOutcome.Retryable(code, $"Injected by the local event bus (FailureRate {_settings.FailureRate.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (!EventEnvelope.TryFormat(record, _settings.Source, out var envelope, out var error))
        {
            return PublishOutcome.Permanent("MalformedDetail", error);
        }

        log.Append(envelope).Append('\n');
        console.Append(CultureInfo.InvariantCulture, $"[event] {record.EventType} cart {record.CartId} v{record.CartVersion} id {record.EventId}").AppendLine();
        return PublishOutcome.Published;
    }

    /// <summary>
    /// Appends whole lines in one write, so a reader tailing the file sees complete events; null on success. The file
    /// stays open between batches (opening it per batch was a third of the bus's time); it is opened afresh after a
    /// failed write, and when the path no longer names a file (someone deleted or moved the log to start a new one).
    /// </summary>
    private PublishOutcome? Append(string lines)
    {
        try
        {
            if (_log is not null && !File.Exists(LogPath))
            {
                _log.Dispose();
                _log = null;
            }

            _log ??= OpenLog();
            _log.Write(Encoding.UTF8.GetBytes(lines));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _log?.Dispose();
            _log = null;
            return PublishOutcome.Retryable("InternalFailure", $"Could not append to the event log {LogPath}: {exception.Message}");
        }
    }

    /// <summary>Unbuffered: every write goes straight to the file, so nothing published sits in a buffer of ours.</summary>
    private FileStream OpenLog()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        return new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
    }
}
