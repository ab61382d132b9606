using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Paritrana.Web.Accounts;

/// <summary>Claims that carry a user's assignment in the auth cookie.</summary>
public static class PortalClaims
{
    public const string Province = "paritrana:province";
    public const string BranchOffice = "paritrana:branch";
    public const string FullName = "paritrana:name";

    /// <summary>A candidate's representative's organisation (docs/decisions/049).</summary>
    public const string Organisation = "paritrana:organisation";

    /// <summary>The id of the server-side session (user_sessions.id), set at sign-in by PortalSignInManager.</summary>
    public const string Session = "paritrana:session";

    /// <summary>"on" when the account had two-factor sign-in enabled when this cookie was issued (docs/decisions/031).</summary>
    public const string TwoFactor = "paritrana:2fa";

    public const string On = "on";
}

/// <summary>Adds the province, branch office and display name to the principal at sign-in.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        if (user.ProvinceCode is not null)
        {
            identity.AddClaim(new Claim(PortalClaims.Province, user.ProvinceCode));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactor, PortalClaims.On));
        }

        if (user.OrganisationId is int organisation)
        {
            identity.AddClaim(new Claim(PortalClaims.Organisation, organisation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.BranchOfficeId is int branch)
        {
            identity.AddClaim(new Claim(PortalClaims.BranchOffice, branch.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
