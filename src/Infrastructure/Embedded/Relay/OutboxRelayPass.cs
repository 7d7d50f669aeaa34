using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Embedded.Relay;

/// <summary>
/// One pass of the relay, the local twin of one Lambda invocation on a stream batch: read rows after the checkpoint,
/// hand them to the shared forwarding use case, and move the checkpoint past the longest handled prefix. The first
/// row that failed has its attempts counted (persisted, so a restart does not reset them); after
/// <see cref="OutboxRelayOptions.MaxAttempts"/> it is dead-lettered and stops blocking the rows behind it.
/// </summary>
public sealed partial class OutboxRelayPass(
    SqliteOutboxFeed feed, IServiceScopeFactory scopes, IOptions<EmbeddedOptions> options, ILogger<OutboxRelayPass> logger)
{
    private readonly OutboxRelayOptions _settings = options.Value.Relay;

    public async Task<RelayPassResult> RunAsync(CancellationToken cancellationToken)
    {
        var batch = await feed.ReadAsync(_settings.BatchSize, cancellationToken);
        var entries = batch.Entries;
        if (entries.Count == 0)
        {
            return RelayPassResult.Idle;
        }

        ForwardReport report;
        await using (var scope = scopes.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<OutboxBatchForwarder>().ForwardAsync(entries, cancellationToken);
        }

        // What is published stays published: record it even if shutdown began meanwhile, to spare needless duplicates.
        var handled = report.HandledPrefixLength;
        if (handled == entries.Count)
        {
            await feed.AdvanceAsync(SequenceOf(entries[^1]), CancellationToken.None);
            return new RelayPassResult(entries.Count, handled, 0, MoreWaiting: entries.Count == _settings.BatchSize);
        }

        var failed = report.Outcomes[handled];
        var error = failed.Error ?? "Not published.";
        long? handledUpTo = handled > 0 ? SequenceOf(entries[handled - 1]) : null;
        var attempts = await feed.RecordFailureAsync(handledUpTo, SequenceOf(failed.Entry), error, CancellationToken.None);
        if (attempts < _settings.MaxAttempts)
        {
            LogRetrying(failed.Entry.Position, attempts, _settings.MaxAttempts, error);
            return new RelayPassResult(entries.Count, handled, attempts, MoreWaiting: true);
        }

        await feed.GiveUpAsync(failed.Entry, $"Gave up after {attempts} attempts: {error}", CancellationToken.None);
        LogGaveUp(failed.Entry.Position, failed.Entry.Record?.EventId, attempts, error);
        return new RelayPassResult(entries.Count, handled + 1, 0, MoreWaiting: true);
    }

    private static long SequenceOf(FeedEntry entry) => OutboxPositions.Parse(entry.Position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Position} failed attempt {Attempt} of {MaxAttempts}: {Error}")]
    private partial void LogRetrying(string position, int attempt, int maxAttempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Position} (event {EventId}) dead-lettered after {Attempts} failed attempts: {Error}")]
    private partial void LogGaveUp(string position, string? eventId, int attempts, string error);
}
