using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using WireMock;
using WireMock.Types;
using WireMock.Util;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// A local HTTP endpoint standing in for DynamoDB: it records every request and answers with what the test scripts
/// (the JSON documents AWS publishes) or with an <see cref="InMemoryDynamoDb"/>. The real SDK client talks to it.
/// </summary>
internal sealed class DynamoDbWireStub : IDisposable
{
    public const string Region = "eu-west-1";
    public const string JsonContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "DynamoDB_20120810.";

    private readonly WireMockServer _server = WireMockServer.Start();

    public Uri Url => new(_server.Url!);

    /// <summary>Answers every request for <paramref name="operation"/> (e.g. <c>TransactWriteItems</c>) the same way.</summary>
    public void Answer(string operation, int statusCode, string body) =>
        _server
            .Given(Request.Create().UsingPost().WithPath("/").WithHeader("X-Amz-Target", TargetPrefix + operation))
            .RespondWith(Response.Create()
                .WithStatusCode(statusCode)
                .WithHeader("Content-Type", JsonContentType)
                .WithHeader("x-amzn-RequestId", "stub-request-id")
                .WithBody(body));

    /// <summary>Answers every request by calling <paramref name="respond"/> (a stateful double).</summary>
    public void AnswerWith(Func<IRequestMessage, IResponseMessage> respond) =>
        _server.Given(Request.Create().UsingPost().WithPath("/")).RespondWith(Response.Create().WithCallback(respond));

    /// <summary>The bodies of the requests received for <paramref name="operation"/>, oldest first.</summary>
    public IReadOnlyList<JsonObject> Requests(string operation) =>
        [.. _server.LogEntries
            .Where(entry => TargetOf(entry.RequestMessage) == TargetPrefix + operation)
            .Select(entry => JsonNode.Parse(entry.RequestMessage.Body!)!.AsObject())];

    /// <summary>Every request received, as its operation name.</summary>
    public IReadOnlyList<string> Operations =>
        [.. _server.LogEntries.Select(entry => TargetOf(entry.RequestMessage)?.Replace(TargetPrefix, string.Empty, StringComparison.Ordinal) ?? "?")];

    /// <summary>The real SDK client, pointed at this stub. Tests that count requests keep the SDK from retrying.</summary>
    public AmazonDynamoDBClient Client(int maxErrorRetry = 0) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), new AmazonDynamoDBConfig
        {
            ServiceURL = _server.Url,
            AuthenticationRegion = Region,
            MaxErrorRetry = maxErrorRetry,
        });

    /// <summary>An answer as DynamoDB sends it: JSON 1.0 with a request id.</summary>
    public static ResponseMessage Reply(int statusCode, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = statusCode,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", JsonContentType);
        response.AddHeader("x-amzn-RequestId", Guid.NewGuid().ToString());
        return response;
    }

    public static string? TargetOf(IRequestMessage request) =>
        request.Headers is { } headers && headers.TryGetValue("X-Amz-Target", out var values) ? values.FirstOrDefault() : null;

    public void Dispose() => _server.Stop();
}
