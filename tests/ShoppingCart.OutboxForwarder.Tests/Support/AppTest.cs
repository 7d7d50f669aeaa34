using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ShoppingCart.Application.Outbox;
using ShoppingCart.Infrastructure.Aws.EventBridge;

namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>Base of the tests that run the whole forwarder app against the local EventBridge and SQS.</summary>
public abstract class AppTest : IDisposable
{
    internal EventBridgeStub EventBridge { get; } = new();

    internal SqsStub DeadLetters { get; } = new();

    public void Dispose()
    {
        EventBridge.Dispose();
        DeadLetters.Dispose();
        GC.SuppressFinalize(this);
    }

    internal ForwarderApp App(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(EventBridge, DeadLetters, settings, services);

    /// <summary>Runs one stream event through a fresh app, as the Lambda Web Adapter would.</summary>
    internal async Task<Forwarded> ForwardAsync(string streamEvent, IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var app = App(settings);
        return await Forwarded.ReadAsync(await app.PostEventAsync(streamEvent));
    }

    /// <summary>An outbox record whose EventBridge entry weighs exactly <paramref name="entryBytes"/> as AWS counts it.</summary>
    internal static OutboxRecord WithEntrySize(OutboxRecord record, int entryBytes)
    {
        const string opening = ",\"padding\":\"";
        var head = record.Payload[..^1] + opening;
        var fixedBytes = 14 + EventBridgeOptions.DefaultSource.Length + record.EventType.Length + head.Length + "\"}".Length;
        var padded = record with { Payload = head + new string('x', entryBytes - fixedBytes) + "\"}" };
        Assert.Equal(entryBytes, PutEventsEntrySize.Of(new PutEventsRequestEntry
        {
            Source = EventBridgeOptions.DefaultSource,
            DetailType = padded.EventType,
            Detail = padded.Payload,
            EventBusName = ForwarderApp.EventBusName,
            Time = padded.OccurredAt,
        }));
        return padded;
    }
}

/// <summary>The app's answer to a stream batch.</summary>
internal sealed record Forwarded(HttpStatusCode Status, string? ContentType, string Body)
{
    /// <summary>The sequence numbers named in <c>batchItemFailures</c>.</summary>
    public IReadOnlyList<string> FailedItems =>
        [.. JsonNode.Parse(Body)!["batchItemFailures"]!.AsArray().Select(item => item!["itemIdentifier"]!.GetValue<string>())];

    public static async Task<Forwarded> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return new Forwarded(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
        }
    }
}
