using System.Diagnostics;

namespace ShoppingCart.Api.Tests.EndToEnd;

/// <summary>The operator's command line run as its own process on a data folder, the way <c>./run.sh outbox ...</c> runs it.</summary>
public sealed record OperatorProcess(int ExitCode, string Output, string Errors)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<OperatorProcess> RunAsync(string dataDirectory, params string[] arguments)
    {
        var appDirectory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = appDirectory,
        };
        start.ArgumentList.Add(Path.Combine(appDirectory, "ShoppingCart.Operations.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--ShoppingCart:Embedded:DatabasePath={ApiProcess.DatabasePathIn(dataDirectory)}");
        start.ArgumentList.Add($"--ShoppingCart:Embedded:EventBus:EventLogPath={ApiProcess.EventLogPathIn(dataDirectory)}");
        start.Environment.Remove("ShoppingCart__Infrastructure");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new OperatorProcess(process.ExitCode, await output, await errors);
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
