namespace Paritrana.Web.Accounts;

/// <summary>
/// Which roles must sign in with an authenticator app (<c>Security:RequireTwoFactorFor</c>,
/// role names separated by commas; default administrators and chairs; empty: nobody), and the
/// middleware that holds a signed-in user of such a role who has not enabled it on the setup page
/// until they do (docs/decisions/031). The demo (<c>Demo:Enabled</c>) clears the default, so that
/// its accounts sign in with the published password alone; the sign-in page says so.
/// </summary>
public sealed class TwoFactorRequirement
{
    public const string SetupPath = "/Account/TwoFactorSetup";

    public static readonly IReadOnlyList<string> DefaultRoles = [Roles.Administrator, Roles.CommitteeChair];

    private TwoFactorRequirement(IReadOnlySet<string> roles, bool clearedByDemo)
    {
        RoleNames = roles;
        ClearedByDemo = clearedByDemo;
    }

    public IReadOnlySet<string> RoleNames { get; }

    /// <summary>True when the demo cleared the default (the setting itself was not given).</summary>
    public bool ClearedByDemo { get; }

    public bool Applies(string? role) => role is not null && RoleNames.Contains(role);

    public static TwoFactorRequirement Read(IConfiguration configuration)
    {
        var configured = configuration["Security:RequireTwoFactorFor"];
        if (configured is null)
        {
            var demo = configuration.GetValue("Demo:Enabled", false);
            return new TwoFactorRequirement(demo ? new HashSet<string>() : DefaultRoles.ToHashSet(StringComparer.Ordinal), demo);
        }

        var roles = configured.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(r => !string.Equals(r, "none", StringComparison.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.Ordinal);
        if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"Security:RequireTwoFactorFor names an unknown role '{unknown}'; the roles are {string.Join(", ", Roles.All)}.");
        }

        return new TwoFactorRequirement(roles, false);
    }
}

/// <summary>The middleware of <see cref="TwoFactorRequirement"/>.</summary>
public static class TwoFactorRequirementMiddleware
{
    /// <summary>Pages a user held by the requirement may still open: the setup page, signing out, the language, errors.</summary>
    private static readonly string[] OpenPaths = [TwoFactorRequirement.SetupPath, "/Account/Logout", "/Account/AccessDenied", "/Language", "/Error"];

    /// <summary>
    /// After authorization: a signed-in user of a required role whose cookie says two-factor is not
    /// enabled (<see cref="PortalClaims.TwoFactor"/>) is sent to the setup page, whatever they asked for.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var requirement = context.RequestServices.GetRequiredService<TwoFactorRequirement>();
            var user = context.User;
            if (requirement.RoleNames.Count > 0
                && user.Identity?.IsAuthenticated == true
                && !user.HasClaim(PortalClaims.TwoFactor, PortalClaims.On)
                && requirement.RoleNames.Any(user.IsInRole)
                && !Array.Exists(OpenPaths, p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(TwoFactorRequirement.SetupPath);
                return;
            }

            await next(context);
        });
}
