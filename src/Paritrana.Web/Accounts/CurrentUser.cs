using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace Paritrana.Web.Accounts;

/// <summary>
/// The signed-in user of this request and the one place that computes their
/// <see cref="AccessScope"/>. Pages ask for the scope and filter their queries with it
/// (see <see cref="ScopeQueries"/>).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, ParitranaDbContext db, IMemoryCache cache)
{
    private AccessScope? _scope;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Email => Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.FindFirstValue(ClaimTypes.Name);

    /// <summary>The server-side session of this browser (user_sessions.id).</summary>
    public Guid? SessionId => Guid.TryParse(Principal.FindFirstValue(PortalClaims.Session), out var id) ? id : null;

    public string FullName => Principal.FindFirstValue(PortalClaims.FullName) ?? Email ?? "";

    /// <summary>The one role of the user (the portal gives each account exactly one).</summary>
    public string? Role => Roles.All.FirstOrDefault(Principal.IsInRole);

    public string? ProvinceCode => Principal.FindFirstValue(PortalClaims.Province);

    /// <summary>Whose notifications the person sees: their province's, or the national stage's for a juror.</summary>
    public string? NotificationProvince => Features.Notifications.NotificationBell.ProvinceOf(Principal);

    public int? BranchOfficeId =>
        int.TryParse(Principal.FindFirstValue(PortalClaims.BranchOffice), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;

    /// <summary>A candidate's representative's organisation; null for everyone else.</summary>
    public int? OrganisationId =>
        int.TryParse(Principal.FindFirstValue(PortalClaims.Organisation), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : null;

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool IsChair => Role == Roles.CommitteeChair;

    public async Task<AccessScope> GetScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        IReadOnlyList<string>? regencies = null;
        if (Role == Roles.BranchOfficer && BranchOfficeId is int branch)
        {
            regencies = await BranchAreasAsync(branch, ct);
        }

        _scope = AccessScope.For(Role, ProvinceCode, BranchOfficeId, regencies, OrganisationId);
        return _scope;
    }

    private async Task<IReadOnlyList<string>> BranchAreasAsync(int branchOfficeId, CancellationToken ct)
    {
        if (cache.TryGetValue(BranchAreasCacheKey(branchOfficeId), out IReadOnlyList<string>? cached) && cached is not null)
        {
            return cached;
        }

        // An inactive branch covers nothing: its officers see no region until it is reactivated.
        var codes = await db.BranchOfficeAreas.AsNoTracking()
            .Where(a => a.BranchOfficeId == branchOfficeId && db.BranchOffices.Any(b => b.Id == branchOfficeId && b.IsActive))
            .Select(a => a.RegencyCode)
            .ToListAsync(ct);
        // Short expiry so a second instance also sees a changed coverage soon; this instance evicts at once.
        cache.Set(BranchAreasCacheKey(branchOfficeId), (IReadOnlyList<string>)codes, TimeSpan.FromSeconds(30));
        return codes;
    }

    public static string BranchAreasCacheKey(int branchOfficeId) => $"branch-areas:{branchOfficeId}";
}
