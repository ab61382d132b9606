using Paritrana.Web.Infrastructure.Jobs;

// In the portal's root namespace, so that PortalServices registers the jobs with one line.
namespace Paritrana.Web;

public static class JobServiceCollectionExtensions
{
    /// <summary>The job runner and its settings (<c>Jobs:*</c>, <see cref="JobOptions"/>).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.PollInterval = configuration.GetValue("Jobs:PollInterval", o.PollInterval);
            o.Lease = configuration.GetValue("Jobs:Lease", o.Lease);
            o.MaxAttempts = Math.Max(1, configuration.GetValue("Jobs:MaxAttempts", o.MaxAttempts));
            o.Workers = Math.Max(1, configuration.GetValue("Jobs:Workers", o.Workers));
            o.Enabled = configuration.GetValue("Jobs:Enabled", o.Enabled);
        });
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    /// <summary>Registers the handler of one kind of job (resolved in a scope per job).</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind, bool recurring = false)
        where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobKind(kind, typeof(THandler), recurring));
        return services;
    }
}
