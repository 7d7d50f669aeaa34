using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ShoppingCart.Benchmarks.Forwarder;

/// <summary>
/// An in-process stand-in for EventBridge on a loopback port: it accepts every PutEvents call, answers with one event
/// id per entry as AWS does (HTTP 200, <c>FailedEntryCount</c> 0), and counts the entries. It does no other work, so the
/// forwarder is measured against a bus that costs nothing.
/// </summary>
internal sealed class EventBridgeStub : IAsyncDisposable
{
    private static readonly byte[][] Answers = [.. Enumerable.Range(0, 11).Select(Answer)];

    private readonly WebApplication _app;
    private long _calls;
    private long _entries;

    private EventBridgeStub(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public long Calls => Interlocked.Read(ref _calls);

    public long Entries => Interlocked.Read(ref _entries);

    public static async Task<EventBridgeStub> StartAsync(CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{Hosting.FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address.ToString());
        var app = builder.Build();
        var stub = new EventBridgeStub(app, address);
        app.MapPost("/", stub.PutEventsAsync);
        await app.StartAsync(cancellationToken);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task PutEventsAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var count = request.RootElement.GetProperty(nameof(Entries)).GetArrayLength();
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _entries, count);
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.Body.WriteAsync(Answers[Math.Min(count, Answers.Length - 1)], context.RequestAborted);
    }

    private static byte[] Answer(int entries)
    {
        var ids = Enumerable.Range(0, entries).Select(i => string.Create(CultureInfo.InvariantCulture, $$"""{"EventId":"00000000-0000-0000-0000-{{i:D12}}"}"""));
        return Encoding.UTF8.GetBytes($$"""{"FailedEntryCount":0,"Entries":[{{string.Join(',', ids)}}]}""");
    }
}
