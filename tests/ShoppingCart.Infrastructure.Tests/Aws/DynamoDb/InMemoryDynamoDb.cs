using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ShoppingCart.Infrastructure.Aws.DynamoDb;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

/// <summary>
/// A stateful test double of DynamoDB at the wire, answering the real SDK client through <see cref="DynamoDbWireStub"/>.
/// It implements only what the cart store uses, and implements it for real: GetItem, and TransactWriteItems with Puts
/// whose <c>attribute_not_exists(…)</c> and <c>a = :v</c> conditions are evaluated against the stored items,
/// all-or-nothing, answering a failed condition with <c>TransactionCanceledException</c> and its reasons in request
/// order, and honouring <c>ClientRequestToken</c>; and Query of a global secondary index by its partition key
/// (<c>#name = :value</c>), in sort key order or reversed (ScanIndexForward), with Limit, ExclusiveStartKey and
/// LastEvaluatedKey as the Query page documents them. Anything else is refused with a ValidationException: it is a test
/// double, not an emulator.
/// </summary>
internal sealed partial class InMemoryDynamoDb
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DynamoDbTableDefinition> _tables;
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _items;
    private readonly Dictionary<string, string> _requestsByToken = [];

    /// <param name="tables">Each table's deployed name and its definition (keys from <see cref="DynamoDbSchema"/>).</param>
    public InMemoryDynamoDb(IReadOnlyDictionary<string, DynamoDbTableDefinition> tables)
    {
        _tables = new Dictionary<string, DynamoDbTableDefinition>(tables);
        _items = tables.Keys.ToDictionary(name => name, _ => new SortedDictionary<string, JsonObject>(StringComparer.Ordinal));
    }

    /// <summary>When set, the next TransactWriteItems commits but its answer is a 500, as when a response is lost.</summary>
    public bool LoseNextCommitAnswer { get; set; }

    /// <summary>
    /// When set, a Query answers at most this many items even under a larger Limit, with a LastEvaluatedKey, as
    /// DynamoDB does when a page reaches 1 MB of items read.
    /// </summary>
    public int? QueryPageItemLimit { get; set; }

    /// <summary>A table's items in key order (partition key, then sort key), as DynamoDB JSON.</summary>
    public IReadOnlyList<JsonObject> Items(string table)
    {
        lock (_gate)
        {
            return [.. _items[table].Values.Select(item => item.DeepClone().AsObject())];
        }
    }

    /// <summary>Stores an item directly, as another writer would have.</summary>
    public void Seed(string table, JsonObject item)
    {
        lock (_gate)
        {
            _items[table][KeyOf(table, item)!] = item;
        }
    }

    public IResponseMessage Handle(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? []))!.AsObject();
        lock (_gate)
        {
            return DynamoDbWireStub.TargetOf(request) switch
            {
                "DynamoDB_20120810.GetItem" => GetItem(body),
                "DynamoDB_20120810.TransactWriteItems" => TransactWriteItems(body),
                "DynamoDB_20120810.Query" => Query(body),
                var other => Validation($"The test double does not implement {other}."),
            };
        }
    }

    private ResponseMessage GetItem(JsonObject request)
    {
        var table = request["TableName"]!.GetValue<string>();
        if (!_tables.ContainsKey(table))
        {
            return Error("ResourceNotFoundException", "Requested resource not found");
        }

        var key = request["Key"]!.AsObject();
        if (KeyOf(table, key) is not { } id || key.Count != KeyAttributes(table).Count())
        {
            return Validation("The provided key element does not match the schema");
        }

        return Ok(_items[table].TryGetValue(id, out var item) ? new JsonObject { ["Item"] = item.DeepClone() } : []);
    }

    /// <summary>
    /// Query of a global secondary index (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html):
    /// items whose index partition key equals the value, ordered by the index sort key (ties by table key), reversed
    /// when ScanIndexForward is false; the page starts after ExclusiveStartKey and stops at Limit, answering a
    /// LastEvaluatedKey (index keys plus table key) whenever it stopped there.
    /// </summary>
    private ResponseMessage Query(JsonObject request)
    {
        var table = request["TableName"]!.GetValue<string>();
        if (!_tables.TryGetValue(table, out var definition))
        {
            return Error("ResourceNotFoundException", "Requested resource not found");
        }

        var indexName = request["IndexName"]?.GetValue<string>();
        if (definition.GlobalSecondaryIndexes.FirstOrDefault(i => i.Name == indexName) is not { } index)
        {
            return Validation($"The table does not have the specified index: {indexName}");
        }

        if (request["ConsistentRead"]?.GetValue<bool>() == true)
        {
            return Validation("Consistent reads are not supported on global secondary indexes");
        }

        var names = request["ExpressionAttributeNames"]?.AsObject();
        var values = request["ExpressionAttributeValues"]?.AsObject();
        var condition = AttributeEquals().Match(request["KeyConditionExpression"]?.GetValue<string>() ?? string.Empty);
        var keyName = condition.Success ? condition.Groups["name"].Value : string.Empty;
        keyName = keyName.StartsWith('#') ? names?[keyName]?.GetValue<string>() ?? keyName : keyName;
        if (!condition.Success || keyName != index.PartitionKey || values?[condition.Groups["value"].Value]?["S"]?.GetValue<string>() is not { } partition)
        {
            return Validation("The test double queries an index only by its partition key (#name = :value).");
        }

        var forward = request["ScanIndexForward"]?.GetValue<bool>() ?? true;
        var ordered = _items[table].Values
            .Where(item => item[index.PartitionKey]?["S"]?.GetValue<string>() == partition && item[index.SortKey]?["S"] is not null)
            .Select(item => (Position: IndexPosition(table, index, item), Item: item))
            .OrderBy(entry => entry.Position, StringComparer.Ordinal)
            .ToList();
        if (!forward)
        {
            ordered.Reverse();
        }

        if (request["ExclusiveStartKey"] is JsonObject start)
        {
            var after = IndexPosition(table, index, start);
            ordered = [.. ordered.Where(entry => forward
                ? string.CompareOrdinal(entry.Position, after) > 0
                : string.CompareOrdinal(entry.Position, after) < 0)];
        }

        var limit = request["Limit"]?.GetValue<int>() ?? int.MaxValue;
        var pageSize = Math.Min(limit, QueryPageItemLimit ?? int.MaxValue);
        var page = ordered.Take(pageSize).Select(entry => entry.Item).ToList();
        var answer = new JsonObject
        {
            ["Count"] = page.Count,
            ["ScannedCount"] = page.Count,
            ["Items"] = new JsonArray([.. page.Select(item => (JsonNode)item.DeepClone())]),
        };
        var stoppedShort = page.Count == pageSize && (page.Count == limit || ordered.Count > page.Count);
        if (stoppedShort && page.Count > 0)
        {
            var last = page[^1];
            var lastKey = new JsonObject();
            foreach (var name in KeyAttributes(table).Append(index.PartitionKey).Append(index.SortKey).Distinct())
            {
                lastKey[name] = last[name]!.DeepClone();
            }

            answer["LastEvaluatedKey"] = lastKey;
        }

        return Ok(answer);
    }

    /// <summary>An item's place in an index: its sort key, then its table key.</summary>
    private string IndexPosition(string table, DynamoDbIndexDefinition index, JsonObject item) =>
        item[index.SortKey]?["S"]?.GetValue<string>() + '\u0000' + KeyOf(table, item);

    private ResponseMessage TransactWriteItems(JsonObject request)
    {
        var token = request["ClientRequestToken"]?.GetValue<string>();
        var content = request.DeepClone().AsObject();
        content.Remove("ClientRequestToken");
        if (token is not null && _requestsByToken.TryGetValue(token, out var earlier))
        {
            return earlier == content.ToJsonString()
                ? Ok([])
                : Error("IdempotentParameterMismatchException", "The request uses the same client token as a previous, but non-identical request.");
        }

        var puts = new List<(string Table, string Key, JsonObject Put)>();
        foreach (var action in request["TransactItems"]!.AsArray())
        {
            if (action!["Put"] is not JsonObject put || action.AsObject().Count != 1)
            {
                return Validation("The test double implements only Put actions.");
            }

            var table = put["TableName"]!.GetValue<string>();
            if (!_tables.ContainsKey(table))
            {
                return Error("ResourceNotFoundException", "Requested resource not found");
            }

            if (KeyOf(table, put["Item"]!.AsObject()) is not { } key)
            {
                return Validation($"One or more parameter values were invalid: Missing the key {string.Join(", ", KeyAttributes(table))} in the item");
            }

            if (puts.Any(p => p.Table == table && p.Key == key))
            {
                return Validation("Transaction request cannot include multiple operations on one item");
            }

            puts.Add((table, key, put));
        }

        var codes = new List<string>(puts.Count);
        foreach (var (table, key, put) in puts)
        {
            _items[table].TryGetValue(key, out var stored);
            var holds = ConditionHolds(put, stored);
            if (holds is null)
            {
                return Validation($"The test double cannot evaluate the condition '{put["ConditionExpression"]}'.");
            }

            codes.Add(holds.Value ? "None" : "ConditionalCheckFailed");
        }

        if (codes.Contains("ConditionalCheckFailed"))
        {
            return Answer(400, AwsAnswers.TransactionCanceled([.. codes]));
        }

        foreach (var (table, key, put) in puts)
        {
            _items[table][key] = put["Item"]!.DeepClone().AsObject();
        }

        if (token is not null)
        {
            _requestsByToken[token] = content.ToJsonString();
        }

        if (LoseNextCommitAnswer)
        {
            LoseNextCommitAnswer = false;
            return Answer(500, AwsAnswers.InternalServerError);
        }

        return Ok([]);
    }

    /// <summary>True or false for a condition the double understands (or none); null for one it does not.</summary>
    private static bool? ConditionHolds(JsonObject put, JsonObject? stored)
    {
        if (put["ConditionExpression"]?.GetValue<string>() is not { } condition)
        {
            return true;
        }

        var names = put["ExpressionAttributeNames"]?.AsObject();
        var values = put["ExpressionAttributeValues"]?.AsObject();
        string Name(string token) => token.StartsWith('#') ? names?[token]?.GetValue<string>() ?? token : token;

        if (AttributeNotExists().Match(condition) is { Success: true } notExists)
        {
            return stored?[Name(notExists.Groups["name"].Value)] is null;
        }

        if (AttributeEquals().Match(condition) is { Success: true } equals && values?[equals.Groups["value"].Value] is JsonObject expected)
        {
            return stored?[Name(equals.Groups["name"].Value)] is JsonObject actual && SameValue(actual, expected);
        }

        return null;
    }

    // DynamoDB compares numbers by value ("2" equals "2.0"), everything else exactly.
    private static bool SameValue(JsonObject actual, JsonObject expected) =>
        actual["N"] is { } n && expected["N"] is { } m
            ? decimal.Parse(n.GetValue<string>(), CultureInfo.InvariantCulture) == decimal.Parse(m.GetValue<string>(), CultureInfo.InvariantCulture)
            : JsonNode.DeepEquals(actual, expected);

    private IEnumerable<string> KeyAttributes(string table)
    {
        var definition = _tables[table];
        return definition.SortKey is null ? [definition.PartitionKey] : [definition.PartitionKey, definition.SortKey];
    }

    /// <summary>The item's primary key as one sortable string, or null when a key attribute is missing or not a String.</summary>
    private string? KeyOf(string table, JsonObject item)
    {
        var parts = KeyAttributes(table).Select(name => item[name]?["S"]?.GetValue<string>()).ToList();
        return parts.Any(string.IsNullOrEmpty) ? null : string.Join('\u0000', parts);
    }

    private static ResponseMessage Ok(JsonObject body) => Answer(200, body.ToJsonString());

    private static ResponseMessage Validation(string message) =>
        Answer(400, new JsonObject { ["__type"] = "com.amazon.coral.validate#ValidationException", ["message"] = message }.ToJsonString());

    private static ResponseMessage Error(string type, string message) =>
        Answer(400, new JsonObject { ["__type"] = $"com.amazonaws.dynamodb.v20120810#{type}", ["message"] = message }.ToJsonString());

    private static ResponseMessage Answer(int statusCode, string body) => DynamoDbWireStub.Reply(statusCode, body);

    [GeneratedRegex(@"^\s*attribute_not_exists\(\s*(?<name>#?\w+)\s*\)\s*$")]
    private static partial Regex AttributeNotExists();

    [GeneratedRegex(@"^\s*(?<name>#?\w+)\s*=\s*(?<value>:\w+)\s*$")]
    private static partial Regex AttributeEquals();
}
