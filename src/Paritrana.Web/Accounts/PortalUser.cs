using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Accounts;

/// <summary>
/// A person who signs in. Non-administrators belong to one province; a branch officer also to one
/// branch office. Identity's ConcurrencyStamp guards concurrent edits of the account.
/// </summary>
public class PortalUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";
    public string? ProvinceCode { get; set; }
    public int? BranchOfficeId { get; set; }

    /// <summary>
    /// A national juror's home province, if any: used only by the national conflict rule (a juror does not
    /// score a candidate of their own province, docs/decisions/043), never for access.
    /// </summary>
    public string? HomeProvinceCode { get; set; }

    /// <summary>
    /// A candidate's representative's organisation (issue 18): the one whose area they see; null for
    /// every other role (docs/decisions/049).
    /// </summary>
    public int? OrganisationId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}
