using System.Globalization;
using ShoppingCart.Application.Operations;

namespace ShoppingCart.Operations;

/// <summary>
/// Reads the operator's command line. Arguments of the form <c>--Key=Value</c> are configuration settings (as for the
/// API); every other argument belongs to the command, whose options never use '='.
/// </summary>
internal static class CommandParser
{
    public static bool IsSetting(string argument) => argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains('=', StringComparison.Ordinal);

    /// <summary>The command, or null when help was asked for; throws <see cref="UsageException"/> when the line is wrong.</summary>
    public static IOperatorCommand? Parse(IReadOnlyList<string> arguments)
    {
        var words = arguments.Where(a => !IsSetting(a)).ToList();
        if (words.Count == 0 || words[0] is "help" or "--help" or "-h")
        {
            return null;
        }

        var options = words.Skip(1).ToList();
        return words[0] switch
        {
            "dead-letters" => new DeadLettersCommand(Json: TakeFlags(options, "--json").Contains("--json")),
            "replay" => Replay(options),
            "republish" => Republish(options),
            "status" => new StatusCommand(Json: TakeFlags(options, "--json").Contains("--json")),
            var other => throw new UsageException($"Unknown command '{other}'."),
        };
    }

    private static ReplayCommand Replay(List<string> options)
    {
        var ids = TakeValues(options, "--event-id");
        var flags = TakeFlags(options, "--all", "--dry-run");
        var all = flags.Contains("--all");
        if (all == (ids.Count > 0))
        {
            throw new UsageException("replay needs either --all or --event-id ID... (not both).");
        }

        return new ReplayCommand(new ReplayRequest(all, ids, DryRun: flags.Contains("--dry-run")));
    }

    private static RepublishCommand Republish(List<string> options)
    {
        var cart = TakeValues(options, "--cart");
        var since = TakeValues(options, "--since");
        var until = TakeValues(options, "--until");
        TakeFlags(options);
        return (cart.Count, since.Count, until.Count) switch
        {
            (1, 0, 0) => new RepublishCommand(RepublishScope.ForCart(cart[0])),
            (0, 1, <= 1) => new RepublishCommand(RepublishScope.InWindow(Time(since[0], "--since"), until.Count == 1 ? Time(until[0], "--until") : null)),
            _ => throw new UsageException("republish needs either --cart ID or --since TIME [--until TIME]."),
        };
    }

    /// <summary>Removes <paramref name="name"/> and the values that follow it (up to the next option) from the list.</summary>
    private static List<string> TakeValues(List<string> options, string name)
    {
        var values = new List<string>();
        int at;
        while ((at = options.IndexOf(name)) >= 0)
        {
            options.RemoveAt(at);
            var before = values.Count;
            while (at < options.Count && !options[at].StartsWith("--", StringComparison.Ordinal))
            {
                values.Add(options[at]);
                options.RemoveAt(at);
            }

            if (values.Count == before)
            {
                throw new UsageException($"{name} needs a value.");
            }
        }

        return values;
    }

    /// <summary>The allowed flags present; anything else left over is a mistake.</summary>
    private static HashSet<string> TakeFlags(List<string> options, params string[] allowed)
    {
        var unknown = options.Where(o => !allowed.Contains(o)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unexpected '{string.Join(' ', unknown)}'.");
        }

        return [.. options];
    }

    private static DateTimeOffset Time(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new UsageException($"{option} '{text}' is not a time (ISO 8601, e.g. 2026-12-03T08:00:00Z).");
}
