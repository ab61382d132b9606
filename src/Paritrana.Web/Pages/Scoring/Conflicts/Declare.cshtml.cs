using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Npgsql;

namespace Paritrana.Web.Pages.Scoring.Conflicts;

/// <summary>
/// A committee member or chair declares a conflict of interest with a candidate of their province
/// (<c>?nomination=..</c>), with a reason. From then on they cannot score it, are never assigned to
/// it, and any card of theirs for it is left out of the ranking. A national juror declares theirs
/// on a candidate of the national pool in the same way (docs/decisions/043).
/// </summary>
[Authorize(Policy = Policies.Scorer)]
public class DeclareModel(ParitranaDbContext db, CurrentUser me, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int NominationId { get; private set; }

    public string NominationName { get; private set; } = "";

    public string? ExistingReason { get; private set; }

    /// <summary>A national juror: their way back is their national cards, not the committee's conflicts list.</summary>
    public bool IsJuror => User.IsInRole(Roles.NationalJuror);

    /// <summary>The card page to go back to, when the declaration started there.</summary>
    public int? ReturnRound { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Alasan konflik kepentingan")]
        public string? Reason { get; set => field = value?.Trim(); }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Alasan konflik kepentingan wajib diisi."])
                .MaximumLength(2000).WithMessage(_ => l["Alasan paling banyak {0} karakter.", 2000]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int nomination, int? round, CancellationToken ct) =>
        await LoadAsync(nomination, round, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int nomination, int? round, CancellationToken ct)
    {
        if (!await LoadAsync(nomination, round, ct))
        {
            return NotFound();
        }

        if (ExistingReason is not null)
        {
            ModelState.AddModelError("", l["Anda sudah menyatakan konflik kepentingan dengan nominasi ini."]);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = await me.GetScopeAsync(ct);
        db.ConflictDeclarations.Add(new ConflictDeclaration { NominationId = nomination, ScorerId = me.Id!.Value, Reason = Input.Reason!, DeclaredAt = clock.GetUtcNow() });
        audit.Record(AuditActions.ConflictDeclared, "nomination", nomination.ToString(CultureInfo.InvariantCulture), scope.IsJuror ? NationalStage.Code : scope.ProvinceCode, AuditDetails.Of(("reason", Input.Reason)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Anda sudah menyatakan konflik kepentingan dengan nominasi ini."]);
            return Page();
        }

        TempData["StatusMessage"] = l["Konflik kepentingan dengan {0} telah dicatat. Anda tidak akan menilai kandidat ini.", NominationName].Value;
        return scope.IsJuror ? RedirectToPage("/National/Cards") : RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int nomination, int? round, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var statuses = ScoringEligibility.Ranked.ToList();
        // A juror's candidates are the national pool's (NationalPool.Scorable); everyone else's their scope's.
        var name = await Features.National.NationalPool.Scorable(db, scope).AsNoTracking()
            .Where(n => n.Id == nomination && statuses.Contains(n.Status))
            .Select(n => n.Organisation!.Name)
            .FirstOrDefaultAsync(ct);
        if (name is null || me.Id is not Guid scorer)
        {
            return false;
        }

        NominationId = nomination;
        NominationName = name;
        ReturnRound = round;
        ExistingReason = await db.ConflictDeclarations.AsNoTracking()
            .Where(d => d.NominationId == nomination && d.ScorerId == scorer).Select(d => d.Reason).FirstOrDefaultAsync(ct);
        return true;
    }
}
