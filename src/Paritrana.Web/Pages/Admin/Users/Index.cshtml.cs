using Microsoft.AspNetCore.Mvc.Rendering;

namespace Paritrana.Web.Pages.Admin.Users;

/// <summary>The accounts of the portal, filtered by name or e-mail, role, province and status.</summary>
public class IndexModel(ParitranaDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Users { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public sealed record Row(
        Guid Id,
        string FullName,
        string? Email,
        string? Role,
        string? ProvinceName,
        string? BranchName,
        bool IsDisabled,
        DateTimeOffset? LockoutEnd,
        DateTimeOffset? LastSignInAt,
        bool HasPassword,
        AccountInvitation? LatestInvitation)
    {
        /// <summary>For an account without a password: its latest invitation, as the badge shows it.</summary>
        public EditModel.InvitationView? Invitation(DateTimeOffset now) => LatestInvitation is not { } i ? null
            : new EditModel.InvitationView(InvitationRules.StateOf(HasPassword, i.ExpiresAt, i.AcceptedAt, i.EndedReason, now), i.SentAt, i.ExpiresAt);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var now = Now;

        var query =
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
            from ur in userRoles.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into roles
            from r in roles.DefaultIfEmpty()
            join pr in db.Provinces on u.ProvinceCode equals pr.Code into provinces
            from pr in provinces.DefaultIfEmpty()
            join b in db.BranchOffices on u.BranchOfficeId equals (int?)b.Id into branches
            from b in branches.DefaultIfEmpty()
            select new { User = u, RoleName = r.Name, ProvinceName = pr.Name, BranchName = b.Name };

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = TextSearch.ContainsPattern(Search);
            query = query.Where(x => EF.Functions.ILike(x.User.FullName, pattern, @"\") || EF.Functions.ILike(x.User.Email!, pattern, @"\"));
        }

        if (Role is not null && Roles.All.Contains(Role))
        {
            query = query.Where(x => x.RoleName == Role);
        }

        if (!string.IsNullOrEmpty(Province))
        {
            query = query.Where(x => x.User.ProvinceCode == Province);
        }

        query = Status switch
        {
            AccountStatus.Disabled => query.Where(x => x.User.IsDisabled),
            AccountStatus.LockedOut => query.Where(x => !x.User.IsDisabled && x.User.LockoutEnd != null && x.User.LockoutEnd > now),
            AccountStatus.Active => query.Where(x => !x.User.IsDisabled && x.User.PasswordHash != null && (x.User.LockoutEnd == null || x.User.LockoutEnd <= now)),
            // At most one invitation of an account is neither used nor ended: the latest.
            AccountStatus.Invited => query.Where(x => !x.User.IsDisabled && x.User.PasswordHash == null
                && db.AccountInvitations.Any(i => i.UserId == x.User.Id && i.AcceptedAt == null && i.EndedAt == null && i.ExpiresAt > now)),
            AccountStatus.InvitationExpired => query.Where(x => !x.User.IsDisabled && x.User.PasswordHash == null
                && db.AccountInvitations.Any(i => i.UserId == x.User.Id && i.AcceptedAt == null && i.EndedAt == null && i.ExpiresAt <= now)),
            _ => query,
        };

        Users = await query
            .OrderBy(x => x.User.FullName).ThenBy(x => x.User.Email)
            .Select(x => new Row(
                x.User.Id,
                x.User.FullName,
                x.User.Email,
                x.RoleName,
                x.ProvinceName,
                x.BranchName,
                x.User.IsDisabled,
                x.User.LockoutEnd,
                x.User.LastSignInAt,
                x.User.PasswordHash != null,
                x.User.PasswordHash != null ? null
                    : db.AccountInvitations.Where(i => i.UserId == x.User.Id).OrderByDescending(i => i.SentAt).ThenByDescending(i => i.Id).FirstOrDefault()))
            .ToPagedListAsync(PageNumber, ct: ct);

        Provinces = await db.Provinces.AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Name, p.Code))
            .ToListAsync(ct);
    }

}

/// <summary>The status of an account as the list filters it (query-string values).</summary>
public static class AccountStatus
{
    public const string Active = "aktif";
    public const string Disabled = "nonaktif";
    public const string LockedOut = "terkunci";
    public const string Invited = "diundang";
    public const string InvitationExpired = "undangan-kedaluwarsa";
}
