using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Pages.Account;

/// <summary>
/// Each person's choices (docs/decisions/030): e-mail for notifications (immediately, a daily digest,
/// or none) and the language of the interface and of their mail; the language is applied at once
/// and again at each sign-in.
/// </summary>
public class PreferencesModel(ParitranaDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Surel pemberitahuan")]
        public MailFrequency Mail { get; set; } = MailFrequency.Immediate;

        [Display(Name = "Bahasa")]
        public string Language { get; set; } = MailOutbox.Indonesian;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Mail).IsInEnum().WithMessage(_ => l["Pilih salah satu pilihan surel."]);
            RuleFor(x => x.Language).Must(v => v is MailOutbox.Indonesian or MailOutbox.English).WithMessage(_ => l["Pilih Bahasa Indonesia atau English."]);
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (me.Id is not Guid id)
        {
            return Challenge();
        }

        var saved = await db.UserPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == id, ct);
        Input = new InputModel
        {
            Mail = saved?.Mail ?? MailFrequency.Immediate,
            Language = saved?.Language ?? MailOutbox.LanguageOf(CultureInfo.CurrentUICulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (me.Id is not Guid id)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await db.UserPreferences.FirstOrDefaultAsync(p => p.UserId == id, ct);
        if (saved is null)
        {
            saved = new UserPreference { UserId = id };
            db.UserPreferences.Add(saved);
        }

        saved.Mail = Input.Mail;
        saved.Language = Input.Language;
        await db.SaveChangesAsync(ct);
        PreferredLanguage.Write(Response, Input.Language, Request.IsHttps);
        // Said in the language just chosen.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Input.Language == MailOutbox.English ? PortalServices.English : PortalServices.Indonesian;
        TempData["StatusMessage"] = l["Preferensi Anda telah disimpan."].Value;
        CultureInfo.CurrentUICulture = previous;
        return RedirectToPage();
    }
}
