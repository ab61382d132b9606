using Paritrana.Web.Features.Work;

// In the portal's root namespace, so that PortalServices registers the work list with one line.
namespace Paritrana.Web;

public static class WorkServiceCollectionExtensions
{
    /// <summary>"Tugas saya": the work list of the home page, and the administrator's overview of the provinces.</summary>
    public static IServiceCollection AddWork(this IServiceCollection services)
    {
        services.AddScoped<WorkList>();
        services.AddScoped<ProvinceOverview>();
        return services;
    }
}
