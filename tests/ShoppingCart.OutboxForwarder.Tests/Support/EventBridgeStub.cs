using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ShoppingCart.OutboxForwarder.Tests.Support;

/// <summary>
/// A local EventBridge answering PutEvents as AWS documents it: HTTP 200 with <c>FailedEntryCount</c> and one result per
/// entry (an event id, or an error code and message), or a whole-call error (<c>{"__type": ..., "message": ...}</c>).
/// Tests decide each entry's fate, and may make calls slow to provoke client timeouts.
/// </summary>
internal sealed class EventBridgeStub : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentQueue<ReceivedPutEvents> _calls = new();
    private readonly ConcurrentDictionary<string, int> _attemptsByEventId = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _callCount;

    public EventBridgeStub()
    {
        _server
            .Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AWSEvents.PutEvents"))
            .RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public Uri Url => new(_server.Url!);

    /// <summary>Each entry's answer, given the entry and how many times an entry with its event id was received (1 = first).</summary>
    public Func<ReceivedEntry, int, EntryAnswer> Entries { get; set; } = (_, _) => EntryAnswer.Accept;

    /// <summary>A whole-call answer by call number (1 = first call), or null to answer entry by entry.</summary>
    public Func<int, CallAnswer?> Calls { get; set; } = _ => null;

    /// <summary>How long the answer to a call (by call number) is held back; zero for none.</summary>
    public Func<int, TimeSpan> Slowness { get; set; } = _ => TimeSpan.Zero;

    public IReadOnlyList<ReceivedPutEvents> Received => [.. _calls];

    /// <summary>Entries answered with an event id, i.e. published.</summary>
    public IReadOnlyList<ReceivedEntry> Published => [.. _calls.SelectMany(call => call.Entries.Where(entry => entry.Accepted))];

    public void Dispose()
    {
        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
        _stopping.Dispose();
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var number = Interlocked.Increment(ref _callCount);
        var body = Encoding.UTF8.GetString(request.BodyAsBytes ?? []);
        var slowness = Slowness(number);
        if (slowness > TimeSpan.Zero)
        {
            // Simulates a slow service, so the client's timeout fires; not used to wait for anything.
            await Task.Delay(slowness, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var entries = JsonNode.Parse(body)!["Entries"]!.AsArray().Select(node => ReceivedEntry.From(node!.AsObject())).ToList();
        var headers = request.Headers!.ToDictionary(h => h.Key, h => h.Value.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);

        if (Calls(number) is { } callAnswer)
        {
            _calls.Enqueue(new ReceivedPutEvents(number, headers, body, entries));
            return Json(callAnswer.Status, callAnswer.Body);
        }

        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in entries)
        {
            var attempt = _attemptsByEventId.AddOrUpdate(entry.EventId, 1, (_, previous) => previous + 1);
            var answer = Entries(entry, attempt);
            entry.Accepted = answer.ErrorCode is null;
            if (answer.ErrorCode is null)
            {
                results.Add(new JsonObject { ["EventId"] = Guid.NewGuid().ToString() });
            }
            else
            {
                failed++;
                results.Add(new JsonObject { ["ErrorCode"] = answer.ErrorCode, ["ErrorMessage"] = answer.ErrorMessage });
            }
        }

        _calls.Enqueue(new ReceivedPutEvents(number, headers, body, entries));
        return Json(200, new JsonObject { ["FailedEntryCount"] = failed, ["Entries"] = results }.ToJsonString());
    }

    private static ResponseMessage Json(int status, string body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/x-amz-json-1.1");
        message.AddHeader("x-amzn-RequestId", Guid.NewGuid().ToString());
        return message;
    }
}

internal sealed record ReceivedPutEvents(int Number, IReadOnlyDictionary<string, string> Headers, string Body, IReadOnlyList<ReceivedEntry> Entries);

internal sealed class ReceivedEntry
{
    public required string Source { get; init; }

    public required string DetailType { get; init; }

    public required string Detail { get; init; }

    public required string EventBusName { get; init; }

    /// <summary>The detail's <c>metadata.eventId</c>.</summary>
    public required string EventId { get; init; }

    public required long CartVersion { get; init; }

    public required string CartId { get; init; }

    public bool Accepted { get; set; }

    public static ReceivedEntry From(JsonObject entry)
    {
        var detail = entry["Detail"]!.GetValue<string>();
        using var document = JsonDocument.Parse(detail);
        var metadata = document.RootElement.GetProperty("metadata");
        return new ReceivedEntry
        {
            Source = entry["Source"]!.GetValue<string>(),
            DetailType = entry["DetailType"]!.GetValue<string>(),
            Detail = detail,
            EventBusName = entry["EventBusName"]!.GetValue<string>(),
            EventId = metadata.GetProperty("eventId").GetString()!,
            CartVersion = metadata.GetProperty("cartVersion").GetInt64(),
            CartId = metadata.GetProperty("cartId").GetString()!,
        };
    }
}

internal sealed record EntryAnswer(string? ErrorCode, string? ErrorMessage)
{
    public static readonly EntryAnswer Accept = new(null, null);

    public static readonly EntryAnswer Throttled = new("ThrottlingException", "Rate exceeded");

    public static readonly EntryAnswer InternalFailure = new("InternalFailure", "An internal error occurred");

    public static readonly EntryAnswer MalformedDetail = new("MalformedDetail", "Detail is malformed.");

    public static readonly EntryAnswer AccessDenied = new("AccessDeniedException", "User is not authorized to access this resource");
}

internal sealed record CallAnswer(int Status, string Body)
{
    public static readonly CallAnswer InternalError = new(500, """{"__type":"InternalException","message":"Internal service error"}""");

    public static readonly CallAnswer Throttled = new(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
}
