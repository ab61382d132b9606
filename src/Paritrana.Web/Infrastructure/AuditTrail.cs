using System.Security.Claims;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Adds audit events to the DbContext of the request, so that they are saved in the same
/// transaction as the change they describe: an audited change and its record stand or fall together.
/// Events that stand alone are saved at once on a context of their own (<see cref="RecordNowAsync"/>).
/// </summary>
public sealed class AuditTrail(ParitranaDbContext db, IDbContextFactory<ParitranaDbContext> contexts, IHttpContextAccessor accessor, TimeProvider clock)
{
    public AuditEvent Record(string action, string? entityType = null, string? entityId = null, string? provinceCode = null, AuditDetails? details = null)
    {
        var e = Create(action, entityType, entityId, provinceCode, details);
        db.AuditEvents.Add(e);
        return e;
    }

    /// <summary>An event of the signed-in user and this request, not yet added to any DbContext.</summary>
    public AuditEvent Create(string action, string? entityType = null, string? entityId = null, string? provinceCode = null, AuditDetails? details = null)
    {
        var http = accessor.HttpContext;
        var user = http?.User;
        return new AuditEvent
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
    }

    /// <summary>
    /// For events that stand alone (sign-in, failed sign-in, lock-out, sign-out, refused access):
    /// saved at once on a DbContext and connection of their own, so that nothing the request's
    /// DbContext tracks (a change its handler made before it was refused) is saved with them, and
    /// the event stays even if the request's transaction is rolled back.
    /// </summary>
    public async Task RecordNowAsync(string action, Guid? userId, string? email, AuditDetails? details = null, CancellationToken ct = default)
    {
        var e = Create(action, "user", userId?.ToString(), details: details);
        if (userId is not null)
        {
            e.UserId = userId;
        }

        if (email is not null)
        {
            e.UserEmail = email;
        }

        await using var own = contexts.CreateDbContext();
        own.AuditEvents.Add(e);
        await own.SaveChangesAsync(ct);
    }
}
