using Paritrana.Web.Features.FieldWork;

// In the portal's root namespace, so that PortalServices registers field work with one line.
namespace Paritrana.Web;

public static class FieldWorkServiceCollectionExtensions
{
    /// <summary>Visits, coaching and evidence: the evidence store and where it keeps its files.</summary>
    public static IServiceCollection AddFieldWork(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().Configure<IConfiguration, IWebHostEnvironment>((o, configuration, environment) =>
        {
            var directory = configuration["Storage:EvidenceDirectory"] is { Length: > 0 } dir
                ? Path.GetFullPath(dir, environment.ContentRootPath)
                : Path.Combine(environment.ContentRootPath, "App_Data", "evidence");
            var webRoot = environment.WebRootPath is { Length: > 0 } w ? Path.GetFullPath(w) : Path.Combine(environment.ContentRootPath, "wwwroot");
            if (IsUnder(directory, webRoot))
            {
                throw new InvalidOperationException($"Storage:EvidenceDirectory ({directory}) must not be under the web root ({webRoot}): evidence would be served to anyone.");
            }

            o.Directory = directory;
            o.MaxFileBytes = configuration.GetValue("Evidence:MaxFileBytes", EvidenceOptions.DefaultMaxFileBytes);
        });
        services.AddSingleton<EvidenceStore>();
        return services;
    }

    private static bool IsUnder(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
