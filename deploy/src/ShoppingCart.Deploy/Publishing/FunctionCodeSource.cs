using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Publishing;

/// <summary>
/// Where the functions' code comes from: folders named in the context (already published, e.g. by CI), or else a fresh
/// <c>dotnet publish</c> of both apps into <c>deploy/.artifacts</c>.
/// </summary>
internal static class FunctionCodeSource
{
    public static FunctionCode Resolve(DeploymentSettingsReader context, FunctionArchitecture architecture, string deployDirectory)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = context.Text(ContextKeys.ApiCodePath);
        var forwarder = context.Text(ContextKeys.ForwarderCodePath);
        if (api is not null && forwarder is not null)
        {
            return new FunctionCode(Existing(deployDirectory, api), Existing(deployDirectory, forwarder));
        }

        if (api is not null || forwarder is not null)
        {
            throw new ArgumentException(
                $"Give both {ContextKeys.ApiCodePath} and {ContextKeys.ForwarderCodePath}, or neither to publish both apps.");
        }

        var repositoryRoot = Path.GetDirectoryName(Path.GetFullPath(deployDirectory).TrimEnd(Path.DirectorySeparatorChar))
            ?? throw new InvalidOperationException($"{deployDirectory} has no parent folder.");
        return new FunctionPublisher(repositoryRoot, Path.Combine(deployDirectory, ".artifacts")).PublishAll(architecture);
    }

    private static string Existing(string deployDirectory, string path)
    {
        var fullPath = Path.GetFullPath(path, deployDirectory);
        return Directory.Exists(fullPath)
            ? fullPath
            : throw new DirectoryNotFoundException($"Function code folder {fullPath} does not exist.");
    }
}
