using System.Text.Json;

namespace ShoppingCart.Deploy.Tests;

/// <summary>The <c>context</c> block of cdk.json (feature flags), as the CDK app receives it from the CLI.</summary>
internal static class CdkJson
{
    public static Dictionary<string, object> ReadContext(string cdkJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(cdkJsonPath));
        return document.RootElement.GetProperty("context").EnumerateObject()
            .ToDictionary(property => property.Name, property => ValueOf(property.Value));
    }

    private static object ValueOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ValueOf).ToArray(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(property => property.Name, property => ValueOf(property.Value)),
        _ => throw new InvalidOperationException($"cdk.json context holds a {element.ValueKind} the tests cannot pass on."),
    };
}
