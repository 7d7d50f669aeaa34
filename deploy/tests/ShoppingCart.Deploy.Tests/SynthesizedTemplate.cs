using System.Text.Json;
using Amazon.CDK.Assertions;

namespace ShoppingCart.Deploy.Tests;

/// <summary>
/// A synthesized CloudFormation template, both as CDK <see cref="Template"/> (for <c>HasResourceProperties</c> with
/// matchers) and as JSON, for questions that follow references between resources (which role a function runs as, what
/// that role may do).
/// </summary>
internal sealed class SynthesizedTemplate(Template assertions, JsonElement root, IReadOnlyList<string> warnings)
{
    /// <summary>The warnings the stack reported at synth (what <c>cdk synth</c> prints, and <c>--strict</c> fails on).</summary>
    public IReadOnlyList<string> Warnings { get; } = warnings;

    public Template Assertions { get; } = assertions;

    public JsonElement Root { get; } = root;

    public IReadOnlyList<TemplateResource> ResourcesOfType(string type) =>
        Root.GetProperty("Resources").EnumerateObject()
            .Where(resource => resource.Value.GetProperty("Type").GetString() == type)
            .Select(resource => new TemplateResource(resource.Name, resource.Value))
            .ToList();

    public TemplateResource Resource(string logicalId) => new(logicalId, Root.GetProperty("Resources").GetProperty(logicalId));

    public TemplateResource FunctionWithHandler(string handler) =>
        Assert.Single(ResourcesOfType("AWS::Lambda::Function"), function => function.Property("Handler").GetString() == handler);

    /// <summary>The logical id a <c>{"Ref": id}</c> or <c>{"Fn::GetAtt": [id, attribute]}</c> points to.</summary>
    public static string ReferencedId(JsonElement reference) =>
        reference.TryGetProperty("Ref", out var id) ? id.GetString()!
        : reference.GetProperty("Fn::GetAtt")[0].GetString()!;

    /// <summary>Every policy statement attached to a role: its inline policies and the AWS::IAM::Policy resources naming it.</summary>
    public IReadOnlyList<JsonElement> StatementsOfRole(string roleLogicalId)
    {
        var attached = ResourcesOfType("AWS::IAM::Policy")
            .Where(policy => policy.Property("Roles").EnumerateArray().Any(role => ReferencedId(role) == roleLogicalId))
            .Select(policy => policy.Property("PolicyDocument"));
        var inline = Resource(roleLogicalId).Properties.TryGetProperty("Policies", out var policies)
            ? policies.EnumerateArray().Select(policy => policy.GetProperty("PolicyDocument"))
            : [];
        return attached.Concat(inline).SelectMany(document => document.GetProperty("Statement").EnumerateArray()).ToList();
    }

    public IReadOnlyList<JsonElement> StatementsOfFunction(string handler) =>
        StatementsOfRole(ReferencedId(FunctionWithHandler(handler).Property("Role")));

    public JsonElement Output(string name) => Root.GetProperty("Outputs").GetProperty(name);

    /// <summary>The forwarder's dead-letter queue, found through the stack output that names it.</summary>
    public string PoisonRecordQueueId => ReferencedId(Output("PoisonRecordQueueUrl").GetProperty("Value"));

    /// <summary>The stream mapping's on-failure queue, found through the stack output that names it.</summary>
    public string StreamFailureQueueId => ReferencedId(Output("StreamFailureQueueUrl").GetProperty("Value"));

    /// <summary>Compact JSON of an element, for comparing template fragments.</summary>
    public static string Json(JsonElement element) => JsonSerializer.Serialize(element);

    /// <summary>A statement's actions (or resources), which CloudFormation allows as one string or a list.</summary>
    public static IReadOnlyList<JsonElement> OneOrMany(JsonElement statement, string name) =>
        !statement.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList()
        : [value];
}
