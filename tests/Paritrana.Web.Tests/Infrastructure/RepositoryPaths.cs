namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>Where the sources and the web app's build output are, seen from the test's bin folder.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Paritrana.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Paritrana.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string WebProjectDirectory => Path.Combine(Root, "src", "Paritrana.Web");

    /// <summary>The web app's own build output (same configuration as this test build).</summary>
    public static string WebDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(WebProjectDirectory, "bin", configuration, "net10.0", "Paritrana.Web.dll");
        }
    }
}
