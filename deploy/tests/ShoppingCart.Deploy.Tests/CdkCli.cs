using System.Diagnostics;
using System.Text;

namespace ShoppingCart.Deploy.Tests;

/// <summary>Runs the project's own CDK CLI (deploy/node_modules, installed by setup.sh) from the deploy folder, offline.</summary>
internal static class CdkCli
{
    /// <summary>Generous: a cold publish of both apps on a busy 2-core machine takes a minute or two.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, string tempDirectory)
    {
        var start = new ProcessStartInfo("npx")
        {
            WorkingDirectory = DeployFolder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--no-install", "cdk" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = tempDirectory;
        start.Environment["CDK_DISABLE_CLI_TELEMETRY"] = "true";
        start.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20";

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cdk {string.Join(' ', arguments)} did not finish within {Timeout}:\n{output}");
        }

        // The parameterless wait returns only once both redirected streams are drained.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
