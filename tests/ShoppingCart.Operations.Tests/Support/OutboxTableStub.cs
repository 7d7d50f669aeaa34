using System.Collections.Concurrent;
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
/// The outbox table answering Query and Scan in DynamoDB's JSON protocol (<c>X-Amz-Target: DynamoDB_20120810.*</c>),
/// a small page at a time, as the Developer Guide's "Paginating table query results" describes: a page that is not the
/// last carries LastEvaluatedKey, which the next request sends back as ExclusiveStartKey. Query returns one partition in
/// sort-key order; Scan returns the table in its own (here: reversed) order, after applying the filter on occurredAt.
/// </summary>
internal sealed class OutboxTableStub : IDisposable
{
    public const int PageSize = 2;

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly List<JsonObject> _items = [];
    private readonly ConcurrentQueue<(string Operation, JsonObject Body)> _requests = new();

    public OutboxTableStub() =>
        _server.Given(Request.Create().WithPath("/").UsingPost()).RespondWith(Response.Create().WithCallback(Answer));

    public Uri Url => new(_server.Url!);

    public IReadOnlyList<JsonObject> Requests(string operation) => [.. _requests.Where(r => r.Operation == operation).Select(r => r.Body)];

    public void Put(JsonObject item) => _items.Add(item);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static string S(JsonNode? item, string name) => item![name]!["S"]!.GetValue<string>();

    private ResponseMessage Answer(IRequestMessage request)
    {
        var operation = request.Headers!["X-Amz-Target"].Single().Replace("DynamoDB_20120810.", string.Empty, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        _requests.Enqueue((operation, body));
        var values = body["ExpressionAttributeValues"]!.AsObject();
        IEnumerable<JsonObject> matching = operation switch
        {
            "Query" => _items.Where(i => S(i, "cartId") == S(values, ":cart")).OrderBy(i => S(i, "eventKey"), StringComparer.Ordinal),
            "Scan" => Enumerable.Reverse(_items).Where(i =>
                string.CompareOrdinal(S(i, "occurredAt"), S(values, ":since")) >= 0 &&
                (values[":until"] is null || string.CompareOrdinal(S(i, "occurredAt"), S(values, ":until")) < 0)),
            _ => throw new InvalidOperationException($"Unexpected {operation}"),
        };
        var all = matching.ToList();
        var start = body["ExclusiveStartKey"] is JsonObject key
            ? all.FindIndex(i => S(i, "cartId") == S(key, "cartId") && S(i, "eventKey") == S(key, "eventKey")) + 1
            : 0;
        var page = all.Skip(start).Take(PageSize).ToList();
        var answer = new JsonObject
        {
            ["Items"] = new JsonArray([.. page.Select(i => i.DeepClone())]),
            ["Count"] = page.Count,
            ["ScannedCount"] = page.Count,
        };
        if (start + page.Count < all.Count)
        {
            answer["LastEvaluatedKey"] = new JsonObject { ["cartId"] = page[^1]["cartId"]!.DeepClone(), ["eventKey"] = page[^1]["eventKey"]!.DeepClone() };
        }

        var message = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsString = answer.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/x-amz-json-1.0");
        message.AddHeader("x-amzn-RequestId", Guid.NewGuid().ToString());
        return message;
    }
}
