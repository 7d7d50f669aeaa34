using System.Text.Json;

namespace ShoppingCart.Deploy.Tests;

internal sealed record TemplateResource(string LogicalId, JsonElement Element)
{
    public JsonElement Properties => Element.GetProperty(nameof(Properties));

    public JsonElement Property(string name) => Properties.GetProperty(name);

    public string? Attribute(string name) => Element.TryGetProperty(name, out var value) ? value.GetString() : null;

    public IReadOnlyDictionary<string, JsonElement> EnvironmentVariables =>
        Property("Environment").GetProperty("Variables").EnumerateObject().ToDictionary(variable => variable.Name, variable => variable.Value);

    /// <summary>What an assertion message shows.</summary>
    public override string ToString() => LogicalId;
}
