namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>
/// Publishes an app in Release under <c>.artifacts/benchmarks/publish/</c> and reuses the output while its sources are
/// unchanged. A publish that failed is remembered the same way, so a rerun does not spend minutes failing again.
/// </summary>
internal sealed class AppPublisher(RepositoryLayout layout, TextWriter progress)
{
    private const string StampFile = ".bench-stamp";

    public async Task<PublishedApp> PublishAsync(AppProject project, PublishMode mode, CancellationToken cancellationToken)
    {
        var name = project.Name;
        var output = Path.Combine(layout.ArtifactsDirectory, "publish", $"{name}-{mode.ToString().ToLowerInvariant()}");
        var failureStamp = output + ".failed";
        var fingerprint = SourceFingerprint.Compute(layout, project, mode);
        var app = new PublishedApp(name, mode, output, Path.Combine(output, name));

        if (ReadStamp(Path.Combine(output, StampFile)) == fingerprint && File.Exists(app.Executable))
        {
            return app;
        }

        if (File.Exists(failureStamp) && File.ReadLines(failureStamp).FirstOrDefault() == fingerprint)
        {
            throw new PublishFailedException(string.Join('\n', File.ReadLines(failureStamp).Skip(1)));
        }

        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        await progress.WriteLineAsync($"publishing {name} ({mode}) to {Path.GetRelativePath(layout.Root, output)}");
        var timeout = mode == PublishMode.NativeAot ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(5);
        var (exitCode, tail) = await ProcessRunner.RunAsync("dotnet", ["publish", project.ProjectPath, "-c", "Release", "-o", output, .. ModeArguments(mode)], layout.Root, timeout, cancellationToken);
        if (exitCode != 0 || !File.Exists(app.Executable))
        {
            var reason = $"dotnet publish ({mode}) failed with exit code {exitCode}: {LastErrors(tail)}";
            Directory.CreateDirectory(Path.GetDirectoryName(failureStamp)!);
            await File.WriteAllTextAsync(failureStamp, $"{fingerprint}\n{reason}", cancellationToken);
            throw new PublishFailedException(reason);
        }

        File.Delete(failureStamp);
        await File.WriteAllTextAsync(Path.Combine(output, StampFile), fingerprint, cancellationToken);
        return app;
    }

    private static string[] ModeArguments(PublishMode mode) => mode switch
    {
        PublishMode.Jit => [],
        PublishMode.ReadyToRun => ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"],
        PublishMode.NativeAot => ["-r", "linux-x64", "-p:PublishAot=true"],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static string? ReadStamp(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    /// <summary>The lines that name an error (the rest of a build log is noise in a one-line reason).</summary>
    private static string LastErrors(string tail)
    {
        var errors = tail.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(5).ToList();
        return errors.Count > 0 ? string.Join(" | ", errors.Select(e => e.Trim())) : tail;
    }
}
