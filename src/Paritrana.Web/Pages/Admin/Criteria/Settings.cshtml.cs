using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Npgsql;

namespace Paritrana.Web.Pages.Admin.Criteria;

/// <summary>
/// The scoring settings of a cycle (how cards combine into a round score, whether scorers see
/// others' scores before submitting, the disagreement threshold, z-scores). They hold for every
/// province of the cycle, so only the administrator changes them; chairs see them on the rounds page.
/// </summary>
public class SettingsModel(ParitranaDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int CycleYear { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Nilai babak dari kartu nilai")]
        public RoundAggregation? Aggregation { get; set; }

        [Display(Name = "Sembunyikan nilai penilai lain sampai penilai mengirim kartu nilainya")]
        public bool HideOthersUntilSubmitted { get; set; }

        [Display(Name = "Ambang perbedaan pendapat (poin, 0–100)")]
        public string? DisagreementThreshold { get; set; }

        [Display(Name = "Tampilkan nilai terkoreksi (skor z) di samping nilai mentah")]
        public bool ShowZScores { get; set; }

        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Aggregation).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Pilih cara menggabungkan kartu nilai."])
                .IsInEnum().WithMessage(_ => l["Pilih cara menggabungkan kartu nilai."]);
            RuleFor(x => x.DisagreementThreshold).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => l["Ambang perbedaan pendapat wajib diisi."])
                .Must(t => ScoreText.TryParse(t, out var v) && v <= 100m && decimal.Round(v, 2) == v)
                .WithMessage(_ => l["Ambang perbedaan pendapat harus angka antara 0 dan 100, paling banyak dua desimal."]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken ct)
    {
        if (!await LoadAsync(cycleId, ct))
        {
            return NotFound();
        }

        var settings = await db.ScoringSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CycleId == cycleId, ct) ?? new ScoringSettings { CycleId = cycleId };
        Input = new InputModel
        {
            Aggregation = settings.Aggregation,
            HideOthersUntilSubmitted = settings.HideOthersUntilSubmitted,
            DisagreementThreshold = ScoreText.ForDisplay(settings.DisagreementThreshold),
            ShowZScores = settings.ShowZScores,
            Version = settings.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cycleId, CancellationToken ct)
    {
        if (!await LoadAsync(cycleId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var threshold = ScoreText.TryParse(Input.DisagreementThreshold, out var parsed) ? parsed : 0m;
        var settings = await db.ScoringSettings.FirstOrDefaultAsync(s => s.CycleId == cycleId, ct);
        var isNew = settings is null;
        if (settings is null)
        {
            settings = new ScoringSettings { CycleId = cycleId };
            db.ScoringSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = Input.Version;
        }

        var before = Describe(settings);
        settings.Aggregation = Input.Aggregation!.Value;
        settings.HideOthersUntilSubmitted = Input.HideOthersUntilSubmitted;
        settings.DisagreementThreshold = threshold;
        settings.ShowZScores = Input.ShowZScores;
        // A stale form is refused even when it would change nothing.
        db.Entry(settings).Property(s => s.Aggregation).IsModified = !isNew;
        audit.Record(AuditActions.ScoringSettingsUpdated, "award-cycle", cycleId.ToString(CultureInfo.InvariantCulture), provinceCode: null, AuditDetails.Text($"{before} -> {Describe(settings)}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Pengaturan ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Pengaturan ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }

        TempData["StatusMessage"] = l["Pengaturan penilaian siklus {0} telah disimpan.", CycleYear.ToString(CultureInfo.InvariantCulture)].Value;
        return RedirectToPage("Index", new { cycle = CycleYear.ToString(CultureInfo.InvariantCulture) });
    }

    private static string Describe(ScoringSettings s) =>
        FormattableString.Invariant($"aggregation {s.Aggregation}, hide others {s.HideOthersUntilSubmitted}, threshold {s.DisagreementThreshold:0.##}, z-scores {s.ShowZScores}");

    private async Task<bool> LoadAsync(int cycleId, CancellationToken ct)
    {
        var year = await db.AwardCycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => (int?)c.Year).FirstOrDefaultAsync(ct);
        CycleYear = year ?? 0;
        return year is not null;
    }
}
