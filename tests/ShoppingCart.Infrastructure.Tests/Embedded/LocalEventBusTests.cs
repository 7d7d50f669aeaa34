using System.Text.Json;
using ShoppingCart.Application.Abstractions;
using ShoppingCart.Application.IntegrationEvents;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Domain.Carts;
using ShoppingCart.Infrastructure.Embedded;
using ShoppingCart.Infrastructure.Embedded.EventBus;

namespace ShoppingCart.Infrastructure.Tests.Embedded;

public sealed class LocalEventBusTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 34, 56, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly StringWriter _console = new();

    private string LogPath => _directory.File(Path.Combine("logs", "events.jsonl"));

    [Fact]
    public async Task Each_event_is_appended_as_one_EventBridge_envelope_line_with_the_payload_as_detail()
    {
        using var bus = NewBus();
        var record = NewRecord();

        var outcomes = await bus.PublishAsync([record], CancellationToken.None);

        Assert.Equal([PublishOutcome.Published], outcomes);
        var line = Assert.Single(await File.ReadAllLinesAsync(LogPath));
        var envelope = JsonDocument.Parse(line).RootElement;
        Assert.Equal(
            ["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"],
            envelope.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0", envelope.GetProperty("version").GetString());
        Assert.Equal(record.EventId, envelope.GetProperty("id").GetString());
        Assert.Equal("CartCreated", envelope.GetProperty("detail-type").GetString());
        Assert.Equal("shopping-cart", envelope.GetProperty("source").GetString());
        Assert.Equal("000000000000", envelope.GetProperty("account").GetString());
        Assert.Equal("2026-11-30T12:34:56Z", envelope.GetProperty("time").GetString());
        Assert.Equal("local", envelope.GetProperty("region").GetString());
        Assert.Equal(0, envelope.GetProperty("resources").GetArrayLength());
        var detail = envelope.GetProperty("detail");
        Assert.Equal(JsonValueKind.Object, detail.ValueKind);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(record.Payload).RootElement, detail));
    }

    [Fact]
    public async Task Each_event_writes_one_short_console_line()
    {
        using var bus = NewBus(o => o.Source = "shop-test");
        var records = new[] { NewRecord(), NewRecord() };

        await bus.PublishAsync(records, CancellationToken.None);

        var lines = _console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines.Zip(records), pair =>
        {
            Assert.Contains("CartCreated", pair.First, StringComparison.Ordinal);
            Assert.Contains(pair.Second.CartId, pair.First, StringComparison.Ordinal);
            Assert.Contains(pair.Second.EventId, pair.First, StringComparison.Ordinal);
        });
        Assert.All(await EventLog.ReadAsync(LogPath), e => Assert.Equal("shop-test", e.Envelope.GetProperty("source").GetString()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task A_payload_that_is_not_a_JSON_object_fails_permanently_as_MalformedDetail(string payload)
    {
        using var bus = NewBus();

        var outcomes = await bus.PublishAsync([NewRecord() with { Payload = payload }, NewRecord()], CancellationToken.None);

        Assert.Equal(PublishStatus.PermanentFailure, outcomes[0].Status);
        Assert.Equal("MalformedDetail", outcomes[0].ErrorCode);
        Assert.Equal(PublishOutcome.Published, outcomes[1]);
        Assert.Single(await File.ReadAllLinesAsync(LogPath));
    }

    [Fact]
    public async Task Fault_injection_fails_about_the_configured_share_with_retryable_EventBridge_codes()
    {
        using var bus = NewBus(o => (o.FailureRate, o.FaultSeed) = (0.25, 42));
        var records = Enumerable.Range(0, 400).Select(_ => NewRecord()).ToList();

        var outcomes = await bus.PublishAsync(records, CancellationToken.None);

        var failures = outcomes.Where(o => o.Status != PublishStatus.Published).ToList();
        Assert.InRange(failures.Count, 60, 140);
        Assert.All(failures, f => Assert.Equal(PublishStatus.RetryableFailure, f.Status));
        Assert.Equal(["InternalFailure", "ThrottlingException"], failures.Select(f => f.ErrorCode).Distinct().Order());
        var logged = (await EventLog.ReadAsync(LogPath)).Select(e => e.Id);
        Assert.Equal(records.Where((_, i) => outcomes[i].Status == PublishStatus.Published).Select(r => r.EventId), logged);
    }

    [Fact]
    public async Task The_same_fault_seed_fails_the_same_entries()
    {
        var records = Enumerable.Range(0, 50).Select(_ => NewRecord()).ToList();
        using var first = NewBus(o => (o.FailureRate, o.FaultSeed) = (0.5, 7));
        using var second = NewBus(o => (o.FailureRate, o.FaultSeed) = (0.5, 7));

        var a = await first.PublishAsync(records, CancellationToken.None);
        var b = await second.PublishAsync(records, CancellationToken.None);

        Assert.Equal(a.Select(o => o.ErrorCode), b.Select(o => o.ErrorCode));
    }

    [Fact]
    public async Task Concurrent_publishers_append_whole_lines_and_lose_none()
    {
        using var bus = NewBus();
        var batches = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, 50).Select(_ => NewRecord()).ToList()).ToList();

        await Task.WhenAll(batches.Select(batch => Task.Run(async () =>
        {
            foreach (var chunk in batch.Chunk(5))
            {
                await bus.PublishAsync(chunk, CancellationToken.None);
            }
        })));

        var logged = await EventLog.ReadAsync(LogPath); // every line parses as a whole envelope
        Assert.Equal(batches.SelectMany(b => b).Select(r => r.EventId).Order(), logged.Select(e => e.Id).Order());
    }

    public void Dispose()
    {
        _console.Dispose();
        _directory.Dispose();
    }

    private LocalEventBus NewBus(Action<LocalEventBusOptions>? configure = null)
    {
        var options = new EmbeddedOptions { EventBus = { EventLogPath = LogPath } };
        configure?.Invoke(options.EventBus);
        return new LocalEventBus(Microsoft.Extensions.Options.Options.Create(options), _console);
    }

    private static OutboxRecord NewRecord()
    {
        var cart = Cart.Create(new CartId(Guid.NewGuid()), CustomerId.Create("customer-1").Value, [new SkuQuantity(Sku.FromTrusted("SKU-1"), 2)], Now).Value;
        return IntegrationEventMapper.ToOutboxRecords(cart.PendingEvents, "corr-1")[0];
    }
}
