using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// Source-generated JSON for the PutEvents wire format (AWS JSON 1.1): members as AWS spells them, unset members left
/// out, and tolerant reading of answers (member case varies between AWS error bodies).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResponse))]
[JsonSerializable(typeof(AwsJsonErrorResponse))]
public sealed partial class PutEventsJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context requests are written with: minimal escaping (<c>\"</c>, not <c>\u0022</c>), as AWS SDKs write, since the
    /// body goes to an API and never into HTML. Control characters are still escaped.
    /// </summary>
    public static PutEventsJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
