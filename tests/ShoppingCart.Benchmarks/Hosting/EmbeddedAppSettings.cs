namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>
/// Environment variables that point an app on the embedded default at a scratch folder: its SQLite file and its event
/// log (the keys of <c>EmbeddedOptions</c> and <c>LocalEventBusOptions</c>).
/// </summary>
internal static class EmbeddedAppSettings
{
    public const string DatabaseFile = "shopping-cart.db";
    public const string EventLogFile = "events.jsonl";

    public static Dictionary<string, string> For(ScratchDirectory scratch) => new()
    {
        ["ShoppingCart__Infrastructure"] = "Embedded",
        ["ShoppingCart__Embedded__DatabasePath"] = scratch.File(DatabaseFile),
        ["ShoppingCart__Embedded__EventBus__EventLogPath"] = scratch.File(EventLogFile),
    };
}
