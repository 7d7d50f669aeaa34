using System.Security.Cryptography;
using System.Text;

namespace ShoppingCart.Benchmarks.Hosting;

/// <summary>
/// A hash of everything a publish depends on (the shared build files and the project's source folders), so a cached
/// publish is reused only while none of it changed.
/// </summary>
internal static class SourceFingerprint
{
    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".targets", ".json"];

    public static string Compute(RepositoryLayout layout, AppProject project, PublishMode mode)
    {
        var files = project.SourceFolders
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(IsSource)
            .Concat(Directory.EnumerateFiles(layout.Root, "Directory.*.props"))
            .Select(Path.GetFullPath)
            .Distinct()
            .Order(StringComparer.Ordinal);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{mode}\n"));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(layout.Root, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static bool IsSource(string path)
    {
        var separator = Path.DirectorySeparatorChar;
        return Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
            && !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
            && !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal);
    }
}
