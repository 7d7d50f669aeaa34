using System.Diagnostics;
using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Publishing;

/// <summary>
/// Publishes the function apps for Lambda's managed .NET runtime: framework-dependent, for the functions' architecture,
/// ReadyToRun-compiled (less JIT at cold start). Runs the local SDK, so no Docker is needed. The build goes to its own
/// artifacts folder, away from the bin/obj folders the solution build and the tests use, and each output folder is emptied
/// first so nothing stale is deployed.
/// </summary>
internal sealed class FunctionPublisher(string repositoryRoot, string artifactsRoot)
{
    public FunctionCode PublishAll(FunctionArchitecture architecture) =>
        new(Publish(FunctionApp.Api, architecture), Publish(FunctionApp.OutboxForwarder, architecture));

    public string Publish(FunctionApp app, FunctionArchitecture architecture)
    {
        var runtimeIdentifier = RuntimeIdentifierOf(architecture);
        var output = Path.Combine(artifactsRoot, "publish", runtimeIdentifier, app.Name);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot, UseShellExecute = false };
        foreach (var argument in PublishArguments(app, runtimeIdentifier, output))
        {
            start.ArgumentList.Add(argument);
        }

        // The CDK CLI shows what the app writes to stderr; stdout stays free for the app's own output.
        Console.Error.WriteLine($"Publishing {app.Name} for {runtimeIdentifier} into {output}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'dotnet publish' of {app.ProjectPath} failed with exit code {process.ExitCode}; its errors are above.");
        }

        return output;
    }

    public IReadOnlyList<string> PublishArguments(FunctionApp app, string runtimeIdentifier, string output) =>
    [
        "publish", Path.Combine(repositoryRoot, app.ProjectPath),
        "--configuration", "Release",
        "--runtime", runtimeIdentifier,
        "--self-contained", "false",
        "-p:PublishReadyToRun=true",
        "--artifacts-path", Path.Combine(artifactsRoot, "build"),
        "--output", output,
        "--nologo",
        "--verbosity", "quiet",
    ];

    public static string RuntimeIdentifierOf(FunctionArchitecture architecture) =>
        architecture == FunctionArchitecture.Arm64 ? "linux-arm64" : "linux-x64";
}
