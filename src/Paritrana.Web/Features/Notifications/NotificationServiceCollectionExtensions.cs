using Paritrana.Web.Features.Notifications;

// In the portal's root namespace, so that PortalServices registers notifications with one line.
namespace Paritrana.Web;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Notifications, the bell, the reminder sweep and the daily digest (docs/decisions/030).</summary>
    /// <remarks><c>Notifications:RecurringJobs</c> false: no hourly sweep and no daily digest (the tests run them themselves).</remarks>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationBell>();
        services.AddScoped<ReminderSweep>();
        services.AddScoped<DigestJob>();
        if (configuration.GetValue("Notifications:RecurringJobs", true))
        {
            services.AddJobHandler<ReminderJob>(ReminderJob.Kind, recurring: true);
            services.AddJobHandler<DigestJob>(DigestJob.Kind, recurring: true);
        }

        return services;
    }
}
