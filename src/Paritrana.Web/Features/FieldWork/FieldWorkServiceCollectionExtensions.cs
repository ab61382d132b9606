using Paritrana.Web.Features.FieldWork;

// In the portal's root namespace, so that PortalServices registers field work with one line.
namespace Paritrana.Web;

public static class FieldWorkServiceCollectionExtensions
{
    /// <summary>Visits, coaching and evidence: the writes of visits and coaching items, the evidence store (files in PostgreSQL) and its size limit.</summary>
    public static IServiceCollection AddFieldWork(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().Configure<IConfiguration>((o, configuration) =>
            o.MaxFileBytes = configuration.GetValue("Evidence:MaxFileBytes", EvidenceOptions.DefaultMaxFileBytes));
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<FieldWorkService>();
        return services;
    }
}
