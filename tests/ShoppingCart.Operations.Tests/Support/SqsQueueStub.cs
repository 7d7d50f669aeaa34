using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ShoppingCart.Operations.Tests.Support;

/// <summary>
/// One SQS queue answering the AWS JSON 1.0 protocol the SDK speaks (<c>X-Amz-Target: AmazonSQS.*</c>) as the SQS API
/// reference documents it: ReceiveMessage (at most MaxNumberOfMessages visible messages, hidden for VisibilityTimeout,
/// each with a fresh receipt handle and the MD5 of its body), DeleteMessageBatch and ChangeMessageVisibilityBatch (HTTP
/// 200 with Successful and Failed entries), GetQueueAttributes. Visibility is modelled as claimed/visible, without clocks.
/// </summary>
internal sealed class SqsQueueStub : IDisposable
{
    public const string QueuePath = "/123456789012/shopping-cart-poison-records";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, QueuedMessage> _messages = new();
    private readonly ConcurrentQueue<(string Operation, JsonObject Body)> _requests = new();

    public SqsQueueStub() =>
        _server.Given(Request.Create().WithPath("/").UsingPost()).RespondWith(Response.Create().WithCallback(Answer));

    public Uri Url => new(_server.Url!);

    public Uri QueueUrl => new(Url, QueuePath);

    /// <summary>Receipt handles whose DeleteMessageBatch entry fails (as with an expired handle).</summary>
    public Func<QueuedMessage, bool> DeleteFails { get; set; } = _ => false;

    public IReadOnlyList<QueuedMessage> Messages => [.. _messages.Values.OrderBy(m => m.SentAt)];

    public IReadOnlyList<JsonObject> Requests(string operation) => [.. _requests.Where(r => r.Operation == operation).Select(r => r.Body)];

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        var operation = request.Headers!["X-Amz-Target"].Single().Replace("AmazonSQS.", string.Empty, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        _requests.Enqueue((operation, body));
        return operation switch
        {
            "SendMessage" => Sent(body),
            "ReceiveMessage" => Receive(body),
            "DeleteMessageBatch" => Batch(body, message =>
            {
                if (DeleteFails(message))
                {
                    return "ReceiptHandleIsInvalid";
                }

                _messages.TryRemove(message.MessageId, out _);
                return null;
            }),
            "ChangeMessageVisibilityBatch" => Batch(body, message =>
            {
                message.Claimed = body["Entries"]!.AsArray().First(e => e!["ReceiptHandle"]!.GetValue<string>() == message.ReceiptHandle)!["VisibilityTimeout"]!.GetValue<int>() > 0;
                return null;
            }),
            "GetQueueAttributes" => Json(new JsonObject
            {
                ["Attributes"] = new JsonObject
                {
                    ["ApproximateNumberOfMessages"] = _messages.Values.Count(m => !m.Claimed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["ApproximateNumberOfMessagesNotVisible"] = _messages.Values.Count(m => m.Claimed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }),
            _ => Json(new JsonObject { ["__type"] = "com.amazonaws.sqs#InvalidAction", ["message"] = operation }, 400),
        };
    }

    private ResponseMessage Sent(JsonObject body)
    {
        var text = body["MessageBody"]!.GetValue<string>();
        var id = Guid.NewGuid().ToString();
        _messages[id] = new QueuedMessage(id, text, DateTimeOffset.UtcNow);
        return Json(new JsonObject { ["MD5OfMessageBody"] = Md5(text), ["MessageId"] = id });
    }

#pragma warning disable CA5351 // SQS answers with the MD5 of the body; the SDK checks it.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private ResponseMessage Receive(JsonObject body)
    {
        var max = body["MaxNumberOfMessages"]?.GetValue<int>() ?? 1;
        var hide = (body["VisibilityTimeout"]?.GetValue<int>() ?? 30) > 0;
        var messages = new JsonArray();
        foreach (var message in _messages.Values.Where(m => !m.Claimed).OrderBy(m => m.SentAt).Take(max))
        {
            message.Claimed = hide;
            message.ReceiptHandle = Guid.NewGuid().ToString("N");
            var md5 = Md5(message.Body);
            messages.Add(new JsonObject
            {
                ["MessageId"] = message.MessageId,
                ["ReceiptHandle"] = message.ReceiptHandle,
                ["MD5OfBody"] = md5,
                ["Body"] = message.Body,
                ["Attributes"] = new JsonObject { ["SentTimestamp"] = message.SentAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }

        return Json(messages.Count == 0 ? new JsonObject() : new JsonObject { ["Messages"] = messages });
    }

    /// <summary>A batch call: each entry succeeds or fails on its own, and the call still answers 200.</summary>
    private ResponseMessage Batch(JsonObject body, Func<QueuedMessage, string?> apply)
    {
        var successful = new JsonArray();
        var failed = new JsonArray();
        foreach (var entry in body["Entries"]!.AsArray())
        {
            var id = entry!["Id"]!.GetValue<string>();
            var handle = entry["ReceiptHandle"]!.GetValue<string>();
            var message = _messages.Values.FirstOrDefault(m => m.ReceiptHandle == handle);
            var error = message is null ? "ReceiptHandleIsInvalid" : apply(message);
            if (error is null)
            {
                successful.Add(new JsonObject { ["Id"] = id });
            }
            else
            {
                failed.Add(new JsonObject { ["Id"] = id, ["Code"] = error, ["Message"] = "The receipt handle has expired.", ["SenderFault"] = true });
            }
        }

        return Json(new JsonObject { ["Successful"] = successful, ["Failed"] = failed });
    }

    private static ResponseMessage Json(JsonObject body, int status = 200)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/x-amz-json-1.0");
        message.AddHeader("x-amzn-RequestId", Guid.NewGuid().ToString());
        return message;
    }
}

internal sealed class QueuedMessage(string messageId, string body, DateTimeOffset sentAt)
{
    public string MessageId => messageId;

    public string Body => body;

    public DateTimeOffset SentAt => sentAt;

    public string? ReceiptHandle { get; set; }

    public bool Claimed { get; set; }
}
