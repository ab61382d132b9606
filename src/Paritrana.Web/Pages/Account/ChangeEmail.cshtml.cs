using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Paritrana.Web.Infrastructure.Mail;
using Paritrana.Web.Pages.Admin.Users;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// A signed-in user asks to change their e-mail address (their sign-in name): with their password,
/// the portal mails a confirmation link to the NEW address and a notice to the old one; nothing
/// changes until the link is followed by this user (<see cref="ConfirmEmailModel"/>). The mails
/// and the audit event are saved in one SaveChanges (docs/decisions/031); an account may ask
/// only <see cref="EmailChangeLimit.PerUser"/> times an hour (docs/decisions/039).
/// </summary>
public class ChangeEmailModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    MailOutbox outbox,
    EmailChangeLinkLifetime lifetime,
    EmailChangeLimit limit,
    AuditTrail audit,
    ParitranaDbContext db,
    IStringLocalizer<SharedResource> l,
    ILogger<ChangeEmailModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public sealed class InputModel
    {
        [Display(Name = "Alamat surel baru")]
        public string? NewEmail { get; set => field = value?.Trim(); }

        [Display(Name = "Kata sandi saat ini")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l, ParitranaDbContext db, ILookupNormalizer normalizer, CurrentUser me)
        {
            RuleFor(x => x.NewEmail).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Alamat surel baru wajib diisi."])
                .MaximumLength(AccountRules.MaxEmailLength).WithMessage(_ => l["Alamat surel paling banyak {0} karakter.", AccountRules.MaxEmailLength])
                .EmailAddress().WithMessage(x => l["Alamat surel '{0}' tidak valid.", x.NewEmail ?? ""])
                .Must(email => !string.Equals(AccountRules.NormalizeEmail(email), AccountRules.NormalizeEmail(me.Email), StringComparison.Ordinal))
                .WithMessage(_ => l["Ini sudah alamat surel akun Anda."])
                .MustAsync(async (email, ct) =>
                {
                    var normalized = normalizer.NormalizeEmail(email!);
                    var self = me.Id ?? Guid.Empty;
                    return !await db.Users.AnyAsync(u => (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized) && u.Id != self, ct);
                })
                .WithMessage(x => l["Alamat surel {0} sudah dipakai akun lain.", x.NewEmail ?? ""]);
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => l["Kata sandi saat ini wajib diisi."]);
        }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Counts towards the account's lock-out like a sign-in: a borrowed session cannot guess it.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassword", check.IsLockedOut
                ? l["Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."]
                : l["Kata sandi saat ini salah."]);
            return Page();
        }

        var newEmail = AccountRules.NormalizeEmail(Input.NewEmail);
        if (outbox.Settings.Link("/") is null)
        {
            logger.LogError("No e-mail change link mailed: Portal:PublicUrl is not set");
            ModelState.AddModelError(string.Empty, l["Tautan konfirmasi tidak dapat dikirim karena alamat portal (Portal:PublicUrl) belum diatur. Hubungi pengelola server."]);
            return Page();
        }

        if (!await limit.AllowsAsync(user.Id, ct))
        {
            // Nothing is queued: the confirmation link may be asked for only so often.
            ModelState.AddModelError("Input.NewEmail", Formats.Plural(l["Tautan konfirmasi sudah diminta {0} kali dalam satu jam terakhir. Coba lagi nanti, atau buka tautan yang sudah dikirim."],
                limit.PerUser, Formats.Number(limit.PerUser)));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = outbox.Settings.Link(
            $"/Account/ConfirmEmail?userId={user.Id}&email={Uri.EscapeDataString(newEmail)}&token={Uri.EscapeDataString(token)}")!;
        var language = MailOutbox.LanguageOf(CultureInfo.CurrentUICulture);
        var hours = (int)Math.Round(lifetime.Value.TotalHours);
        outbox.Queue(newEmail, language, mail => EmailChangeMail.Confirm(mail, user.FullName, newEmail, link, hours));
        outbox.Queue(user.Email!, language, mail => EmailChangeMail.Notice(mail, user.FullName, newEmail));
        audit.Record(AuditActions.EmailChangeRequested, "user", user.Id.ToString(), user.ProvinceCode, AuditDetails.Of(("from", user.Email!), ("to", newEmail)));
        await db.SaveChangesAsync(ct);

        return this.RedirectWithMessage(l["Kami mengirim tautan konfirmasi ke {0}. Alamat surel Anda berubah setelah tautan itu dibuka dalam {1} jam.", newEmail, hours], null);
    }
}
