using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.Candidates;
using Paritrana.Web.Features.FieldWork;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// The candidate's representatives of a nomination (issue 18, docs/decisions/050), for the committee of
/// its province: who was invited and when, where each invitation stands (open, expired, revoked,
/// accepted), who is active (last sign-in); invite one more by name and e-mail, send an invitation
/// again, revoke it, disable or enable an account. The organisation comes from the nomination read in
/// the committee's scope; a posted account id counts only if it is a representative of that
/// organisation (else 404). Every change is audited (<see cref="Representatives"/>).
/// </summary>
[Authorize(Policy = Policies.Committee)]
public class RepresentativesModel(
    ParitranaDbContext db,
    CurrentUser me,
    Representatives representatives,
    Invitations invitations,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NominationRef Nomination { get; private set; } = null!;

    public IReadOnlyList<RepresentativeRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Nama lengkap")]
        public string? FullName { get; set; }

        [Display(Name = "Alamat surel")]
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.FullName).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => l["Nama lengkap wajib diisi."])
                .MaximumLength(MaxNameLength).WithMessage(_ => l["Nama lengkap paling banyak {0} karakter.", MaxNameLength]);
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
                .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage(_ => l["Alamat surel wajib diisi."])
                .MaximumLength(MaxEmailLength).WithMessage(_ => l["Alamat surel paling banyak {0} karakter.", MaxEmailLength])
                .EmailAddress().WithMessage(x => l["Alamat surel '{0}' tidak valid.", x.Email ?? ""]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!invitations.CanSend)
        {
            ModelState.AddModelError("", l["Undangan tidak dapat dikirim karena alamat portal (Portal:PublicUrl) belum diatur. Hubungi pengelola server."]);
            return Page();
        }

        var outcome = await representatives.InviteAsync(Nomination, await OrganisationOfAsync(id, ct), Input.FullName!, Input.Email!, ct);
        if (!outcome.Sent)
        {
            ModelState.AddModelError("Input.Email", outcome.EmailRefusal!);
            return Page();
        }

        return this.RedirectWithMessage(
            l["Undangan dikirim ke {0} dan berlaku sampai {1}. Setelah membuat kata sandi, perwakilan ini dapat masuk ke Area Kandidat.", Input.Email!.Trim().ToLowerInvariant(), Wib.Format(outcome.ExpiresAt)],
            new { id });
    }

    [ValidateOnly]
    public Task<IActionResult> OnPostResendAsync(int id, Guid user, CancellationToken ct) => ActAsync(id, user, async u =>
    {
        var (expires, refusal) = await representatives.ResendAsync(Nomination, u, ct);
        return refusal is not null
            ? (refusal, true)
            : (l["Undangan baru dikirim ke {0} dan berlaku sampai {1}. Tautan undangan sebelumnya tidak berlaku lagi.", u.Email ?? "", Wib.Format(expires!.Value)].Value, false);
    }, ct);

    [ValidateOnly]
    public Task<IActionResult> OnPostRevokeAsync(int id, Guid user, CancellationToken ct) => ActAsync(id, user, async u =>
        await representatives.RevokeAsync(Nomination, u, ct)
            ? (l["Undangan untuk {0} telah dicabut; tautannya tidak berlaku lagi.", u.Email ?? ""].Value, false)
            : (l["Akun {0} tidak memiliki undangan yang masih berlaku.", u.Email ?? ""].Value, false), ct);

    [ValidateOnly]
    public Task<IActionResult> OnPostDisableAsync(int id, Guid user, CancellationToken ct) => ActAsync(id, user, async u =>
        await representatives.SetDisabledAsync(Nomination, u, true, ct)
            ? (l["Akun {0} telah dinonaktifkan. Sesi yang sedang berjalan berakhir pada permintaan berikutnya.", u.Email ?? ""].Value, false)
            : (l["Akun {0} sudah nonaktif.", u.Email ?? ""].Value, false), ct);

    [ValidateOnly]
    public Task<IActionResult> OnPostEnableAsync(int id, Guid user, CancellationToken ct) => ActAsync(id, user, async u =>
        await representatives.SetDisabledAsync(Nomination, u, false, ct)
            ? (l["Akun {0} telah diaktifkan kembali.", u.Email ?? ""].Value, false)
            : (l["Akun {0} sudah aktif.", u.Email ?? ""].Value, false), ct);

    /// <summary>One step on one representative: the nomination in scope, the account one of its organisation's representatives; else 404.</summary>
    private async Task<IActionResult> ActAsync(int id, Guid userId, Func<PortalUser, Task<(string Message, bool IsError)>> step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await representatives.FindAsync(await OrganisationOfAsync(id, ct), userId, ct) is not { } user)
        {
            return NotFound();
        }

        if (!invitations.CanSend)
        {
            return this.RedirectWithMessage(l["Undangan tidak dapat dikirim karena alamat portal (Portal:PublicUrl) belum diatur. Hubungi pengelola server."], new { id }, isError: true);
        }

        var (message, isError) = await step(user);
        return this.RedirectWithMessage(message, new { id }, isError);
    }

    private Task<int> OrganisationOfAsync(int nominationId, CancellationToken ct) =>
        db.Nominations.Where(n => n.Id == nominationId).Select(n => n.OrganisationId).FirstAsync(ct);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var nomination = await NominationRef.LoadAsync(db, await me.GetScopeAsync(ct), id, ct);
        if (nomination is null)
        {
            return false;
        }

        Nomination = nomination;
        Now = clock.GetUtcNow();
        Rows = await representatives.ListAsync(await OrganisationOfAsync(id, ct), ct);
        return true;
    }
}
