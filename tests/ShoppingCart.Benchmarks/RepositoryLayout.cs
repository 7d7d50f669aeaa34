using ShoppingCart.Benchmarks.Hosting;

namespace ShoppingCart.Benchmarks;

/// <summary>Where the repository's projects and the git-ignored artifacts folder are, wherever the harness was started from.</summary>
internal sealed class RepositoryLayout(string root)
{
    public string Root { get; } = root;

    public string ArtifactsDirectory => Path.Combine(Root, ".artifacts", "benchmarks");

    public AppProject ApiProject => new(Path.Combine(Root, "src", "Functions", "ShoppingCart.Api", "ShoppingCart.Api.csproj"), [Path.Combine(Root, "src")]);

    public AppProject ForwarderProject =>
        new(Path.Combine(Root, "src", "Functions", "ShoppingCart.OutboxForwarder", "ShoppingCart.OutboxForwarder.csproj"), [Path.Combine(Root, "src")]);

    public AppProject EmptyApiProject =>
        new(Path.Combine(Root, "tests", "ShoppingCart.Benchmarks.EmptyApi", "ShoppingCart.Benchmarks.EmptyApi.csproj"), [Path.Combine(Root, "tests", "ShoppingCart.Benchmarks.EmptyApi")]);

    public AppProject WolverinePeerProject =>
        new(Path.Combine(Root, "tests", "ShoppingCart.Benchmarks.WolverinePeer", "ShoppingCart.Benchmarks.WolverinePeer.csproj"), [Path.Combine(Root, "tests", "ShoppingCart.Benchmarks.WolverinePeer")]);

    /// <summary>The folder holding ShoppingCart.sln, looked for above the current directory, then above this program.</summary>
    public static RepositoryLayout Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ShoppingCart.sln")))
                {
                    return new RepositoryLayout(folder.FullName);
                }
            }
        }

        throw new InvalidOperationException("ShoppingCart.sln was not found above the current directory or the program: run the harness from the repository.");
    }
}
