using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>Keeps every log record of an in-process app with the properties of its scopes, to check what is logged.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Records => _records;

    /// <summary>The one record matching <paramref name="match"/>, waiting a bounded time for it to be written.</summary>
    public async Task<CapturedLog> SingleAsync(Func<CapturedLog, bool> match, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!_records.Any(match) && System.Diagnostics.Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        return Assert.Single(_records, r => match(r));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(
                (scope, props) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            props[key] = value;
                        }
                    }
                },
                properties);
            var stateProperties = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner._records.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), properties, stateProperties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), exception));
        }
    }
}

/// <param name="ScopeProperties">Properties of every scope the record was written in.</param>
/// <param name="Properties">The record's own structured properties.</param>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyDictionary<string, object?> ScopeProperties,
    IReadOnlyDictionary<string, object?> Properties,
    Exception? Exception);
