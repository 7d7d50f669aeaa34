namespace ShoppingCart.Infrastructure.Aws.EventBridge;

/// <summary>
/// What EventBridge accepts as an entry's <c>Source</c> and <c>DetailType</c> and as an event bus name (API reference,
/// PutEventsRequestEntry and CreateEventBus). One definition for the forwarder's start-up check and the CDK stack's synth
/// check (which links this file): a value EventBridge would refuse stops the deploy, instead of failing every entry.
/// </summary>
public static class EventBridgeNames
{
    public const int MaxSourceLength = 256;
    public const int MaxDetailTypeLength = 128;
    public const int MaxBusNameLength = 256;

    /// <summary>Null when EventBridge accepts <paramref name="source"/>; else the rule it breaks.</summary>
    public static string? SourceProblem(string? source) => source switch
    {
        null or "" => "must not be empty",
        { Length: > MaxSourceLength } => $"must be at most {MaxSourceLength} characters",
        _ when source.StartsWith("aws.", StringComparison.Ordinal) => "must not start with \"aws.\", which AWS reserves for its services",
        _ when !IsNameText(source) => "may hold only A-Z, a-z, 0-9, '.', '-', '_' and '/'",
        _ => null,
    };

    /// <summary>Null when EventBridge accepts <paramref name="detailType"/>; else the rule it breaks.</summary>
    public static string? DetailTypeProblem(string? detailType) => detailType switch
    {
        null or "" => "must not be empty",
        { Length: > MaxDetailTypeLength } => $"must be at most {MaxDetailTypeLength} characters",
        _ => null,
    };

    /// <summary>Null when <paramref name="busName"/> names a custom bus (by name or ARN); else the rule it breaks.</summary>
    public static string? BusNameProblem(string? busName) => busName switch
    {
        null or "" => "is required",
        "default" => "must name a custom bus, not the default one",
        _ when busName.StartsWith("arn:", StringComparison.Ordinal) => busName.Contains(":event-bus/", StringComparison.Ordinal) ? null : "is an ARN but not of an event bus",
        { Length: > MaxBusNameLength } => $"must be at most {MaxBusNameLength} characters",
        _ when !IsNameText(busName) => "may hold only A-Z, a-z, 0-9, '.', '-', '_' and '/'",
        _ => null,
    };

    private static bool IsNameText(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/');
}
