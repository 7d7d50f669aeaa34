namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>An app to publish, and the folders its build reads (a cached publish is reused while none of them changed).</summary>
internal sealed record AppProject(string ProjectPath, IReadOnlyList<string> SourceFolders)
{
    public string Name => Path.GetFileNameWithoutExtension(ProjectPath);
}
