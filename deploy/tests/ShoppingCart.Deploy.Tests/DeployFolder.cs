namespace ShoppingCart.Deploy.Tests;

/// <summary>The repository's deploy folder (the one holding cdk.json), found from the test assembly's location.</summary>
internal static class DeployFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "cdk.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No cdk.json above {AppContext.BaseDirectory}.");
    }
}
