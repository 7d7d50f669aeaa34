using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShoppingCart.Infrastructure.Embedded.Sqlite;

namespace ShoppingCart.Infrastructure.Embedded.Relay;

/// <summary>
/// The embedded outbox relay, a hosted background service (the local twin of the stream's event source mapping).
/// It runs passes while rows are waiting, sleeps until the store signals a commit (or the polling interval passes),
/// backs off exponentially while the head row fails, and deletes published rows past their retention.
/// Stopping it mid-pass loses nothing: the checkpoint only ever moves past published rows, so a restart resumes there.
/// </summary>
public sealed partial class OutboxRelay(
    OutboxRelayPass pass, SqliteOutboxFeed feed, OutboxSignal signal, TimeProvider clock, IOptions<EmbeddedOptions> options, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private readonly OutboxRelayOptions _settings = options.Value.Relay;
    private readonly RetryBackoff _backoff = new(options.Value.Relay.InitialBackoff, options.Value.Relay.MaxBackoff, Random.Shared);
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var lease = await AcquireLeaseAsync(stoppingToken);
        if (lease is null)
        {
            return;
        }

        var consecutiveErrors = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CleanUpIfDueAsync(stoppingToken);
                var result = await pass.RunAsync(stoppingToken);
                consecutiveErrors = 0;
                if (result.FailedAttempts > 0)
                {
                    await Task.Delay(_backoff.DelayBefore(result.FailedAttempts), clock, stoppingToken);
                }
                else if (!result.MoreWaiting)
                {
                    await signal.WaitAsync(_settings.PollingInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database or the bus is unavailable: nothing was checkpointed, so wait and read again.
                LogPassFailed(exception);
                await Task.Delay(_backoff.DelayBefore(++consecutiveErrors), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Waits, checking every polling interval, until no other relay holds this database; null when stopped first.</summary>
    private async Task<RelayLease?> AcquireLeaseAsync(CancellationToken stoppingToken)
    {
        var databasePath = options.Value.DatabasePath;
        var logged = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (RelayLease.TryAcquire(databasePath) is { } lease)
            {
                return lease;
            }

            if (!logged)
            {
                LogStandingBy(databasePath);
                logged = true;
            }

            await Task.Delay(_settings.PollingInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return null;
    }

    private async Task CleanUpIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + _settings.CleanupInterval;
        var deleted = await feed.DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
        {
            LogCleanedUp(deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay pass failed; retrying after a backoff")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another relay already publishes the outbox of {DatabasePath}; this one stands by until it stops")]
    private partial void LogStandingBy(string databasePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} published outbox rows past their retention")]
    private partial void LogCleanedUp(int count);
}
