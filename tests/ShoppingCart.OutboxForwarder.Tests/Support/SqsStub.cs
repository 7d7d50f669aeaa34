using System.Collections.Concurrent;
using System.Security.Cryptography;
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
/// A local SQS answering SendMessage as the AWS JSON 1.0 protocol the SDK speaks (<c>X-Amz-Target: AmazonSQS.SendMessage</c>):
/// a message id and the MD5 of the body, which the SDK checks.
/// </summary>
internal sealed class SqsStub : IDisposable
{
    public const string QueuePath = "/123456789012/shopping-cart-outbox-dlq";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private int _failures;

    public SqsStub()
    {
        _server
            .Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AmazonSQS.SendMessage"))
            .RespondWith(Response.Create().WithCallback(Answer));
    }

    public Uri Url => new(_server.Url!);

    public Uri QueueUrl => new(Url, QueuePath);

    /// <summary>When set, every SendMessage fails with HTTP 500.</summary>
    public bool Failing { get; set; }

    public int FailedCalls => Volatile.Read(ref _failures);

    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        var body = Encoding.UTF8.GetString(request.BodyAsBytes ?? []);
        if (Failing)
        {
            Interlocked.Increment(ref _failures);
            return Json(500, """{"__type":"com.amazonaws.sqs#InternalError","message":"We encountered an internal error. Please try again."}""");
        }

        var sendMessage = JsonNode.Parse(body)!.AsObject();
        var messageBody = sendMessage["MessageBody"]!.GetValue<string>();
        var headers = request.Headers!.ToDictionary(h => h.Key, h => h.Value.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        _messages.Enqueue(new ReceivedMessage(sendMessage["QueueUrl"]!.GetValue<string>(), messageBody, headers));

#pragma warning disable CA5351 // SQS itself answers with the MD5 of the body; the SDK checks it.
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(messageBody)));
#pragma warning restore CA5351
        return Json(200, new JsonObject { ["MD5OfMessageBody"] = md5, ["MessageId"] = Guid.NewGuid().ToString() }.ToJsonString());
    }

    private static ResponseMessage Json(int status, string body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/x-amz-json-1.0");
        message.AddHeader("x-amzn-RequestId", Guid.NewGuid().ToString());
        return message;
    }
}

internal sealed record ReceivedMessage(string QueueUrl, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
