using System.Security.Claims;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Data;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Adds audit events to the DbContext of the request, so that they are saved in the same
/// transaction as the change they describe: an audited change and its record stand or fall together.
/// </summary>
public sealed class AuditTrail(ParitranaDbContext db, IHttpContextAccessor accessor, TimeProvider clock)
{
    public AuditEvent Record(string action, string? entityType = null, string? entityId = null, string? provinceCode = null, string? details = null)
    {
        var http = accessor.HttpContext;
        var user = http?.User;
        var e = new AuditEvent
        {
            At = clock.GetUtcNow(),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ProvinceCode = provinceCode,
            Details = details,
            UserId = Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
            UserEmail = user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
        };
        db.AuditEvents.Add(e);
        return e;
    }

    /// <summary>For events that stand alone (sign-in, refused access): records and saves at once.</summary>
    public async Task RecordNowAsync(string action, Guid? userId, string? email, string? details = null, CancellationToken ct = default)
    {
        var e = Record(action, "user", userId?.ToString(), details: details);
        if (userId is not null)
        {
            e.UserId = userId;
        }

        if (email is not null)
        {
            e.UserEmail = email;
        }

        await db.SaveChangesAsync(ct);
    }
}
