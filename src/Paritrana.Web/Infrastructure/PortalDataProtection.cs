using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Data Protection (the keys that sign and encrypt the authentication and antiforgery cookies)
/// with its key ring in PostgreSQL (<c>data_protection_keys</c>) and one application name, so that
/// every instance on the database reads what any other issued. At rest the keys are protected
/// only by the database's own access control (and the backups'), unless
/// <c>DataProtection:CertificatePath</c> names a PKCS#12 certificate (password in
/// <c>DataProtection:CertificatePassword</c>): then every key is encrypted with it, and every
/// instance needs the same certificate (docs/decisions/018-stateless-instances.md).
/// </summary>
public static class PortalDataProtection
{
    public const string ApplicationName = "Paritrana";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<ParitranaDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]);
            builder.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }
}
