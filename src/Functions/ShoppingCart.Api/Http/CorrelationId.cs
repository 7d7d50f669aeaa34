namespace ShoppingCart.Api.Http;

/// <summary>
/// Ties one request to its log lines and to the metadata of the events it causes. Taken from the caller's
/// <c>X-Correlation-Id</c> header when it is usable, generated otherwise, and echoed in the response.
/// </summary>
public sealed record CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>Long enough for any id scheme in use (GUIDs, W3C trace ids, AWS request ids), short enough to log.</summary>
    public const int MaxLength = 128;

    private CorrelationId(string value) => Value = value;

    public string Value { get; }

    /// <summary>
    /// The caller's id if it is 1 to <see cref="MaxLength"/> visible ASCII characters; anything else (control
    /// characters that could forge log lines, unicode, huge values) is replaced rather than refused, because a
    /// correlation id is a diagnostic aid, not part of the request's meaning.
    /// </summary>
    public static CorrelationId FromCallerOrNew(string? callerValue) =>
        IsUsable(callerValue) ? new CorrelationId(callerValue!) : New();

    public static CorrelationId New() => new(Guid.CreateVersion7().ToString("D"));

    /// <summary>Minimal API binding: endpoints take a <see cref="CorrelationId"/> parameter set by <see cref="RequestCorrelationMiddleware"/>.</summary>
    public static ValueTask<CorrelationId?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<CorrelationId?>(context.Features.Get<CorrelationId>() ?? New());
    }

    public override string ToString() => Value;

    private static bool IsUsable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => c is > ' ' and <= '~');
}
