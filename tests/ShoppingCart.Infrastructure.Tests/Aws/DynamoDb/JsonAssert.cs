using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShoppingCart.Infrastructure.Tests.Aws.DynamoDb;

internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Equal JSON (object member order aside); on a mismatch both documents are shown, indented.</summary>
    public static void Equal(JsonNode expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected.ToJsonString(Indented), actual?.ToJsonString(Indented));
            Assert.Fail("The documents differ only in member order, which DeepEquals ignores: this cannot happen.");
        }
    }
}
