using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// What the two pages of a sign-in's second step share (<see cref="LoginWith2faModel"/>,
/// <see cref="LoginWithRecoveryCodeModel"/>): reached only with the short-lived cookie the right
/// password left; a wrong code counts towards the account's lock-out and is audited with the step's
/// name; a right one completes the sign-in (<see cref="SignInSteps"/>). Every post of these pages
/// also counts in the shared per-address limit (<see cref="SignInRateLimit.SignInPaths"/>).
/// </summary>
public abstract class SecondStepPage(SignInManager<PortalUser> signIn, SignInSteps steps, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected SignInManager<PortalUser> Identity => signIn;

    protected AuditTrail Audit => audit;

    protected IStringLocalizer<SharedResource> Texts => l;

    /// <summary>The step's name in the audit details: "authenticator" or "recovery-code".</summary>
    protected abstract string StepName { get; }

    /// <summary>The field a wrong code is shown beside, and its message.</summary>
    protected abstract (string Field, string Message) WrongCode { get; }

    /// <summary>Identity's sign-in with the posted code.</summary>
    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync();

    /// <summary>What the step records besides the sign-in when the code was right.</summary>
    protected virtual Task SucceededAsync(PortalUser user) => Task.CompletedTask;

    /// <summary>
    /// Shows the form (it is also the answer to a refused form, decisions/013); a post without the
    /// password step's cookie goes back to the sign-in page.
    /// </summary>
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            // The password step is over (five minutes) or never happened.
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await SignInWithCodeAsync();
        if (result.Succeeded)
        {
            await SucceededAsync(user);
            return LocalRedirect(await steps.CompleteAsync(user, SignInSteps.Safe(this, ReturnUrl), AuditDetails.Of(("second-step", StepName))));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(AuditActions.LockedOut, user.Id, user.Email);
            ModelState.AddModelError(string.Empty, l["Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."]);
            return Page();
        }

        await audit.RecordNowAsync(AuditActions.TwoFactorFailed, user.Id, user.Email, AuditDetails.Of(("second-step", StepName)));
        var (field, message) = WrongCode;
        ModelState.AddModelError(field, message);
        return Page();
    }
}
