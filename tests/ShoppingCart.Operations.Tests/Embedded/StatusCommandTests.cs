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
        using var failing = _files.Service(failureRate: 1);
        var cart = await EmbeddedService.CreateCartAsync(failing, EmbeddedService.Start);
        await EmbeddedService.RelayUntilIdleAsync(failing);
        await EmbeddedService.AddItemAsync(failing, cart, EmbeddedService.Start.AddMinutes(1));
        await EmbeddedService.AddItemAsync(failing, cart, EmbeddedService.Start.AddMinutes(2));

        var json = await _files.OutboxAsync("status", "--json");
        var text = await _files.OutboxAsync("status");

        Assert.True(json.ExitCode == 0, json.ToString());
        var status = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(2, status.GetProperty("backlog").GetInt64());
        var expectedAge = (DateTimeOffset.UtcNow - EmbeddedService.Start.AddMinutes(1)).TotalSeconds;
        Assert.InRange(status.GetProperty("oldestUnpublishedAgeSeconds").GetDouble(), expectedAge - 600, expectedAge);
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
