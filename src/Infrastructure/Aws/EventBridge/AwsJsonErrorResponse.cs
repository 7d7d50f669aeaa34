using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// An AWS JSON protocol error body: <c>{"__type": "ThrottlingException", "message": "..."}</c>. The type may carry a
/// namespace prefix (<c>com.amazonaws...#ThrottlingException</c>) and the message may be spelled <c>Message</c>.
/// </summary>
public sealed record AwsJsonErrorResponse(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message)
{
    /// <summary>The error code without any namespace prefix.</summary>
    public string? Code => Type is null ? null : Type[(Type.LastIndexOf('#') + 1)..];
}
