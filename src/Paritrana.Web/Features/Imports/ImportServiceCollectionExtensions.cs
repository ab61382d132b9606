using Paritrana.Web.Features.Imports;

// In the portal's root namespace, so that PortalServices registers the import with one line.
namespace Paritrana.Web;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The employer and regional coverage imports: their settings, file store, services and its job.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.MaxFileBytes = configuration.GetValue("Imports:MaxFileBytes", ImportOptions.DefaultMaxFileBytes);
            o.ProgressEvery = Math.Max(1, configuration.GetValue("Imports:ProgressEvery", 5000));
            o.ChunkRows = Math.Max(1, configuration.GetValue("Imports:ChunkRows", o.ChunkRows));
        });
        services.AddSingleton<ImportStorage>();
        services.AddScoped<ImportService>();
        services.AddScoped<EmployerImporter>();
        services.AddJobHandler<ImportJob>(ImportJob.Kind);
        services.AddScoped<RegionalImportService>();
        services.AddScoped<RegionalImporter>();
        services.AddJobHandler<RegionalImportJob>(RegionalImportJob.Kind);
        return services;
    }
}
