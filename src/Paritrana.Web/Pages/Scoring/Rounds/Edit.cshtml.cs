using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Npgsql;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Pages.Scoring.Rounds;

/// <summary>
/// The chair adds a round (no id, <c>?cycle=YYYY</c>) or changes one while it is still a draft:
/// name, kind, weight in the total, order, and the aspects it scores (by code, so that it applies
/// to every category and criteria version that has them).
/// </summary>
[Authorize(Policy = Policies.Chair)]
public class EditModel(ParitranaDbContext db, CurrentUser me, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public RoundInfo? Round { get; private set; }

    public int CycleYear { get; private set; }

    public IReadOnlyList<(string Code, string Name)> AspectChoices { get; private set; } = [];

    public static readonly RoundKind[] Kinds = [RoundKind.Documents, RoundKind.FieldVisit, RoundKind.Interview, RoundKind.Other];

    public sealed class InputModel
    {
        [BindNever]
        public int? Id { get; set; }

        [BindNever]
        public int CycleId { get; set; }

        [BindNever]
        public string ProvinceCode { get; set; } = "";

        [Display(Name = "Nama babak")]
        public string? Name { get; set => field = value?.Trim(); }

        [Display(Name = "Jenis babak")]
        public RoundKind? Kind { get; set; }

        [Display(Name = "Bobot dalam total (%)")]
        public string? Weight { get; set; }

        [Display(Name = "Urutan")]
        public int? SortOrder { get; set; }

        /// <summary>The last day (WIB) for submitting cards; optional.</summary>
        [Display(Name = "Tanggal penutupan")]
        public DateOnly? ClosesOn { get; set; }

        [Display(Name = "Tolak kartu nilai yang dikirim setelah tanggal penutupan")]
        public bool RefuseLateCards { get; set; }

        [Display(Name = "Aspek yang dinilai")]
        public List<string> AspectCodes { get; set => field = value.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(); } = [];

        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Nama babak wajib diisi."])
                .MaximumLength(150).WithMessage(_ => l["Nama babak paling banyak {0} karakter.", 150]);
            // That no other round of the cycle and province has the name is checked by the handler
            // on the round or cycle it loaded (decisions/019).
            RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Pilih jenis babak."])
                .IsInEnum().WithMessage(_ => l["Pilih jenis babak."]);
            RuleFor(x => x.Weight).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Bobot wajib diisi."])
                .Must(w => ScoreText.TryParse(w, out var v) && CriteriaRules.IsValidWeight(v))
                .WithMessage(_ => l["Bobot harus di atas 0 dan paling banyak 100, dengan paling banyak dua desimal."]);
            RuleFor(x => x.SortOrder).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Urutan wajib diisi."])
                .InclusiveBetween(1, 99).WithMessage(_ => l["Urutan harus antara 1 dan {0}.", 99]);
            RuleFor(x => x.AspectCodes).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Pilih sekurang-kurangnya satu aspek yang dinilai di babak ini."])
                .Must(codes => codes.All(CycleRules.IsValidCode)).WithMessage(_ => l["Kode aspek tidak dikenal."]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? cycle, CancellationToken ct)
    {
        if (!await LoadAsync(id, cycle, ct))
        {
            return NotFound();
        }

        if (Round is not null)
        {
            if (Round.Status != RoundStatus.Draft)
            {
                return DraftOnly();
            }

            Input.Name = Round.Name;
            Input.Kind = Round.Kind;
            Input.Weight = ScoreText.ForDisplay(Round.Weight);
            Input.SortOrder = Round.SortOrder;
            Input.ClosesOn = Round.ClosesOn;
            Input.RefuseLateCards = Round.RefuseLateCards;
            Input.Version = Round.Version;
            Input.AspectCodes = await db.RoundAspects.Where(a => a.RoundId == Round.Id).Select(a => a.AspectCode).ToListAsync(ct);
        }
        else
        {
            Input.SortOrder = await db.ScoringRounds.Where(r => r.CycleId == Input.CycleId && r.ProvinceCode == Input.ProvinceCode).Select(r => (int?)r.SortOrder).MaxAsync(ct) + 1 ?? 1;
            Input.Kind = RoundKind.Other;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? cycle, CancellationToken ct)
    {
        if (!await LoadAsync(id, cycle, ct))
        {
            return NotFound();
        }

        if (Round is not null && Round.Status != RoundStatus.Draft)
        {
            return DraftOnly();
        }

        if (ModelState.GetFieldValidationState("Input.Name") != ModelValidationState.Invalid
            && await db.ScoringRounds.AnyAsync(r => r.CycleId == Input.CycleId && r.ProvinceCode == Input.ProvinceCode && r.Id != Input.Id && r.Name == Input.Name, ct))
        {
            ModelState.AddModelError("Input.Name", l["Babak bernama {0} sudah ada di siklus ini.", Input.Name ?? ""]);
        }

        // A closing date already in the past is refused when it is entered, not when it was kept from before.
        if (Input.ClosesOn is DateOnly closes && closes != Round?.ClosesOn && closes < Wib.Today(clock))
        {
            ModelState.AddModelError("Input.ClosesOn", l["Tanggal penutupan tidak boleh sebelum hari ini."]);
        }

        if (Input.RefuseLateCards && Input.ClosesOn is null && ModelState.GetFieldValidationState("Input.ClosesOn") != ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.ClosesOn", l["Isi tanggal penutupan bila kartu nilai setelahnya hendak ditolak."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var weight = ScoreText.TryParse(Input.Weight, out var parsed) ? parsed : 0m;
        var year = CycleYear.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (Round is null)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var round = new ScoringRound
                {
                    CycleId = Input.CycleId,
                    ProvinceCode = Input.ProvinceCode,
                    Name = Input.Name!,
                    Kind = Input.Kind!.Value,
                    Weight = weight,
                    SortOrder = Input.SortOrder!.Value,
                    ClosesOn = Input.ClosesOn,
                    RefuseLateCards = Input.RefuseLateCards,
                    Aspects = Input.AspectCodes.Select(c => new RoundAspect { AspectCode = c }).ToList(),
                };
                db.ScoringRounds.Add(round);
                await db.SaveChangesAsync(ct);
                audit.Record(AuditActions.RoundCreated, "scoring-round", round.Id.ToString(CultureInfo.InvariantCulture), round.ProvinceCode, AuditDetails.Text(Describe(round)));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                TempData["StatusMessage"] = l["Babak {0} telah ditambahkan.", round.Name].Value;
                return RedirectToPage("Index", new { cycle = year });
            }

            var existing = await db.ScoringRounds.Include(r => r.Aspects).FirstAsync(r => r.Id == Round.Id, ct);
            var before = Describe(existing);
            existing.Name = Input.Name!;
            existing.Kind = Input.Kind!.Value;
            existing.Weight = weight;
            existing.SortOrder = Input.SortOrder!.Value;
            existing.ClosesOn = Input.ClosesOn;
            existing.RefuseLateCards = Input.RefuseLateCards;
            db.RoundAspects.RemoveRange(existing.Aspects.Where(a => !Input.AspectCodes.Contains(a.AspectCode)));
            foreach (var code in Input.AspectCodes.Where(c => existing.Aspects.All(a => a.AspectCode != c)))
            {
                existing.Aspects.Add(new RoundAspect { AspectCode = code });
            }

            db.Entry(existing).Property(r => r.Version).OriginalValue = Input.Version;
            // The round row is always updated, so that a concurrent change (or the round being opened) is detected.
            db.Entry(existing).Property(r => r.Status).IsModified = true;
            audit.Record(AuditActions.RoundUpdated, "scoring-round", existing.Id.ToString(CultureInfo.InvariantCulture), existing.ProvinceCode, AuditDetails.Text($"{before} -> {Describe(existing)}"));
            await db.SaveChangesAsync(ct);
            TempData["StatusMessage"] = l["Babak {0} telah disimpan.", existing.Name].Value;
            return RedirectToPage("Details", new { id = existing.Id });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Babak ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Name", l["Babak bernama {0} sudah ada di siklus ini.", Input.Name ?? ""]);
            return Page();
        }
    }

    private RedirectToPageResult DraftOnly()
    {
        TempData["StatusMessage"] = l["Babak yang sudah dibuka atau ditutup tidak dapat diubah."].Value;
        TempData["StatusIsError"] = true;
        return RedirectToPage("Details", new { id = Round!.Id });
    }

    private static string Describe(ScoringRound r) =>
        FormattableString.Invariant($"'{r.Name}', {r.Kind}, weight {r.Weight:0.##}, order {r.SortOrder}, closes {r.ClosesOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}{(r.RefuseLateCards ? " (late cards refused)" : "")}, aspects {string.Join(",", r.Aspects.Select(a => a.AspectCode).Order(StringComparer.Ordinal))}");

    private async Task<bool> LoadAsync(int? id, int? cycle, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        if (scope.ProvinceCode is not string province)
        {
            return false;
        }

        if (id is int roundId)
        {
            Round = await RoundLookup.FindAsync(db, roundId, scope, ct);
            if (Round is null)
            {
                return false;
            }

            Input.Id = Round.Id;
            Input.CycleId = Round.CycleId;
            CycleYear = Round.CycleYear;
        }
        else
        {
            var found = await CycleLookup.ResolveAsync(db, cycle, ct);
            if (found is null || found.IsClosed)
            {
                return false;
            }

            Input.CycleId = found.Id;
            CycleYear = found.Year;
        }

        Input.ProvinceCode = province;
        var cycleId = Input.CycleId;
        AspectChoices = await AspectNames.OfCycleAsync(db, cycleId, ct);
        return true;
    }
}
