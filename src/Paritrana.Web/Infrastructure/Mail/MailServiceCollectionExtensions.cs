using Paritrana.Web.Infrastructure.Mail;

// In the portal's root namespace, so that PortalServices registers mail with one line.
namespace Paritrana.Web;

public static class MailServiceCollectionExtensions
{
    /// <summary>The outbox, its drain job and the settings <c>Email:*</c>, <c>Portal:PublicUrl</c> (docs/decisions/028).</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = MailSettings.Read(configuration);
        if (settings.CanSend && settings.PublicUrl is null)
        {
            throw new InvalidOperationException(
                "Email:SmtpHost is set but Portal:PublicUrl is not: every link in a mail starts with the portal's public address (README, \"E-mail\").");
        }

        services.AddSingleton(settings);
        services.AddScoped<MailOutbox>();
        services.AddJobHandler<OutboxDrain>(OutboxDrain.Kind, recurring: true);
        return services;
    }
}
