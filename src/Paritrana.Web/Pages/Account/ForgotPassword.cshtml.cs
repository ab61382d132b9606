using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// "Lupa kata sandi?": mails a single-use reset link to the address when an active account has it.
/// The answer is the same whether it does or not; requests are limited per address and client
/// (<see cref="PasswordResetLimit"/>). The mail and the audit event are saved in one SaveChanges.
/// </summary>
public class ForgotPasswordModel(
    UserManager<PortalUser> users,
    MailOutbox outbox,
    PasswordResetLimit limit,
    PasswordResetLinkLifetime lifetime,
    AuditTrail audit,
    ParitranaDbContext db,
    IStringLocalizer<SharedResource> l,
    ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>After the request: the page says what happens next, whatever the address.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public int LinkMinutes => (int)lifetime.Value.TotalMinutes;

    public sealed class InputModel
    {
        [Display(Name = "Alamat surel")]
        public string Email { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => l["Alamat surel wajib diisi."])
                .MaximumLength(256).WithMessage(_ => l["Alamat surel terlalu panjang."]);
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        if (!await limit.AllowsAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), email, ct))
        {
            ModelState.AddModelError(string.Empty, l["Terlalu banyak permintaan atur ulang kata sandi. Coba lagi dalam satu jam."]);
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var user = await users.FindByEmailAsync(email);
        // An invited account without a password gets its password through its invitation (the
        // administrator sends a new one); a revoked invitation must not be bypassed by this page.
        if (user is { IsDisabled: false, PasswordHash: not null, Email: { } address })
        {
            if (outbox.Settings.Link("/") is null)
            {
                logger.LogError("No reset link mailed: Portal:PublicUrl is not set");
            }
            else
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var link = outbox.Settings.Link($"/Account/ResetPassword?userId={user.Id}&token={Uri.EscapeDataString(token)}");
                var minutes = LinkMinutes;
                outbox.Queue(address, MailOutbox.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture),
                    localizer => PasswordResetMail.Compose(localizer, user.FullName, link!, minutes));
                audit.Record(AuditActions.PasswordResetRequested, "user", user.Id.ToString(), user.ProvinceCode);
                await db.SaveChangesAsync(ct);
            }
        }

        return RedirectToPage(new { sent = true });
    }
}
