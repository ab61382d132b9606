using Paritrana.Web.Features.Imports;

// In the portal's root namespace, so that PortalServices registers the import with one line.
namespace Paritrana.Web;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The employer import: its settings, file store, services and the background runner.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().Configure<IConfiguration, IWebHostEnvironment>((o, configuration, environment) =>
        {
            o.MaxFileBytes = configuration.GetValue("Imports:MaxFileBytes", ImportOptions.DefaultMaxFileBytes);
            o.ProgressEvery = Math.Max(1, configuration.GetValue("Imports:ProgressEvery", 5000));
            var directory = configuration["Storage:ImportsDirectory"] is { Length: > 0 } dir
                ? Path.GetFullPath(dir, environment.ContentRootPath)
                : Path.Combine(environment.ContentRootPath, "App_Data", "imports");
            var webRoot = environment.WebRootPath is { Length: > 0 } w ? Path.GetFullPath(w) : Path.Combine(environment.ContentRootPath, "wwwroot");
            if (IsUnder(directory, webRoot))
            {
                throw new InvalidOperationException($"Storage:ImportsDirectory ({directory}) must not be under the web root ({webRoot}): uploaded files would be served to anyone.");
            }

            o.Directory = directory;
        });
        services.AddSingleton<ImportStorage>();
        services.AddScoped<ImportService>();
        services.AddScoped<EmployerImporter>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
        return services;
    }

    private static bool IsUnder(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
