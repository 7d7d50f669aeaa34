using System.Text;

namespace ShoppingCart.Api.Tests.Fuzz;

/// <summary>One generated request; <see cref="Description"/> says what is wrong with it, for the failure message.</summary>
public sealed record FuzzRequest(string Description, HttpMethod Method, string Path, byte[]? Body = null, string? ContentType = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "(no body)" : Body.Length > 300 ? $"({Body.Length} bytes)" : Encoding.UTF8.GetString(Body);
        return $"{Description}: {Method} {Path} [{ContentType}] {string.Join(' ', Headers.Select(h => $"{h.Key}={h.Value}"))} {body}";
    }
}
