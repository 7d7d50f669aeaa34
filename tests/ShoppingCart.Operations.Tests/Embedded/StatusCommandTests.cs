using System.Text.Json;
using ShoppingCart.Infrastructure.Embedded.Relay;
using ShoppingCart.Operations.Tests.Support;

namespace ShoppingCart.Operations.Tests.Embedded;

/// <summary><c>status</c> on a real SQLite file.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly EmbeddedService _files = new();

    [Fact]
    public async Task Status_reports_backlog_oldest_unpublished_age_checkpoint_lease_and_dead_letters()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        using var failing = _files.Service(failureRate: 1);
        var cart = await EmbeddedService.CreateCartAsync(failing, at);
        await EmbeddedService.RelayUntilIdleAsync(failing);
        await EmbeddedService.AddItemAsync(failing, cart, at.AddMinutes(1));
        await EmbeddedService.AddItemAsync(failing, cart, at.AddMinutes(2));

        var ageBefore = (DateTimeOffset.UtcNow - at.AddMinutes(1)).TotalSeconds;
        var json = await _files.OutboxAsync("status", "--json");
        var ageAfter = (DateTimeOffset.UtcNow - at.AddMinutes(1)).TotalSeconds;
        var text = await _files.OutboxAsync("status");

        Assert.True(json.ExitCode == 0, json.ToString());
        var status = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(2, status.GetProperty("backlog").GetInt64());

        // The age of version 2 (the oldest unpublished) as of the moment status read it: between the two readings.
        Assert.InRange(status.GetProperty("oldestUnpublishedAgeSeconds").GetDouble(), ageBefore - 0.001, ageAfter + 0.001);
        Assert.Equal("1", status.GetProperty("checkpoint").GetString());
        Assert.StartsWith("free:", status.GetProperty("relay").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.GetProperty("deadLetters").GetInt64());
        Assert.Contains("Backlog            2 event(s) not yet published", text.Output, StringComparison.Ordinal);
        Assert.Contains("Dead letters       1", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_says_the_lease_is_held_while_a_relay_runs_and_where_it_is_stuck()
    {
        using var failing = _files.Service(failureRate: 1, maxAttempts: 5);
        await EmbeddedService.CreateCartAsync(failing, EmbeddedService.Start);
        await EmbeddedService.RelayOnceAsync(failing);
        using var lease = RelayLease.TryAcquire(_files.DatabasePath);
        Assert.NotNull(lease);

        var run = await _files.OutboxAsync("status");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Relay lease        held: a relay is publishing", run.Output, StringComparison.Ordinal);
        Assert.Contains("Relay retrying     row 1 failed 1 time(s): ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Backlog            1 event(s) not yet published", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
