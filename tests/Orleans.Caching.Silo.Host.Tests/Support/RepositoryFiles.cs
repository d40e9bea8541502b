namespace Orleans.Caching.Silo.Host.Tests;

/// <summary>Finds the repository's files from the test assembly's folder (the folder holding <c>Orleans.Caching.sln</c>).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath)
    {
        string path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing (looked for {path}).");
        return File.ReadAllText(path);
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.Caching.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Orleans.Caching.sln not found above {AppContext.BaseDirectory}.");
    }
}
