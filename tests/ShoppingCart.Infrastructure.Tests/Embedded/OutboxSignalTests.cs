using Microsoft.Extensions.Time.Testing;
using ShoppingCart.Infrastructure.Embedded.Relay;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

public sealed class OutboxSignalTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly OutboxSignal _signal = new();

    [Fact]
    public async Task A_pulse_wakes_a_waiting_relay()
    {
        var wait = _signal.WaitAsync(TimeSpan.FromHours(1), _clock, CancellationToken.None);
        Assert.False(wait.IsCompleted);

        _signal.Pulse();

        Assert.True(await wait);
    }

    [Fact]
    public async Task A_pulse_while_nobody_waits_is_kept_and_many_pulses_count_as_one()
    {
        _signal.Pulse();
        _signal.Pulse();
        _signal.Pulse();

        Assert.True(await _signal.WaitAsync(TimeSpan.FromHours(1), _clock, CancellationToken.None));
        var next = _signal.WaitAsync(TimeSpan.FromSeconds(5), _clock, CancellationToken.None);
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(await next);
    }

    [Fact]
    public async Task Stopping_ends_the_wait_with_cancellation()
    {
        using var stopping = new CancellationTokenSource();
        var wait = _signal.WaitAsync(TimeSpan.FromHours(1), _clock, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
