using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Pages.Account;

public class LoginModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    AuditTrail audit,
    SignInSteps steps,
    TwoFactorRequirement requirement,
    IConfiguration configuration,
    SessionLifetimes lifetimes,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the previous session ended, when the redirect here says so (?ended=idle).</summary>
    public string? SessionEndedNotice { get; private set; }

    /// <summary>The demo's accounts sign in with the published password alone: the page says so.</summary>
    public bool DemoWithoutTwoFactor => configuration.GetValue("Demo:Enabled", false) && requirement.RoleNames.Count == 0;

    public sealed class InputModel
    {
        [Display(Name = "Alamat surel")]
        [Required(ErrorMessage = "Alamat surel wajib diisi.")]
        public string Email { get; set; } = "";

        [Display(Name = "Kata sandi")]
        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        var ended = SessionEndings.Parse(Request.Query[SessionEndings.QueryKey]) ?? SessionValidator.EndedInThisRequest(HttpContext);
        SessionEndedNotice = ended is { } reason ? SessionEndings.Notice(reason, l, lifetimes) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            return LocalRedirect(await steps.CompleteAsync(user!, SafeReturnUrl()));
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; the authenticator's code comes next (docs/decisions/031).
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl() });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(AuditActions.LockedOut, user?.Id, email);
            ModelState.AddModelError(string.Empty, l["Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."]);
            return Page();
        }

        // One message for an unknown address, a wrong password and a disabled account: no enumeration.
        await audit.RecordNowAsync(AuditActions.SignInFailed, user?.Id, email);
        ModelState.AddModelError(string.Empty, l["Alamat surel atau kata sandi salah."]);
        return Page();
    }

    private string SafeReturnUrl() => SignInSteps.Safe(this, ReturnUrl);
}
