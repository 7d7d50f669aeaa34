using System.Diagnostics;

namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>
/// A bearer token for the published API, made the way a developer makes one (<c>./run.sh token</c>): the app's own
/// <c>token</c> command on the same data folder, which also creates the development issuer's key there. Run before the
/// measured process starts, so it costs the measurements nothing.
/// </summary>
internal static class DevelopmentToken
{
    public const string Customer = "bench-customer";

    /// <summary>The real API answers the command; another app (the empty one) needs no token.</summary>
    public static async Task<string?> MintAsync(PublishedApp app, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (app.Name != "ShoppingCart.Api")
        {
            return null;
        }

        var start = new ProcessStartInfo(app.Executable)
        {
            WorkingDirectory = app.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("token");
        start.ArgumentList.Add(Customer);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{app.Executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"'{app.Name} token' exited with {process.ExitCode}: {await error}");
    }
}
