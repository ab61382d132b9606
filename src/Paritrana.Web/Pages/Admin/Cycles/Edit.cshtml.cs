using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Admin.Cycles;

/// <summary>
/// One award cycle: its notes and stage dates (guarded by the row version), and the actions make
/// current (exactly one current cycle), close (read-only for everyone but the administrator) and reopen.
/// </summary>
public class EditModel(
    ParitranaDbContext db,
    AuditTrail audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CycleView Cycle { get; private set; } = null!;

    public sealed record CycleView(int Id, int Year, bool IsCurrent, bool IsClosed, DateTimeOffset CreatedAt, int Categories, int Nominations)
    {
        /// <summary>The assessment period, by the rule of <see cref="AwardCycle"/>.</summary>
        public DateOnly AssessmentStart => new AwardCycle { Year = Year }.AssessmentStart;

        public DateOnly AssessmentEnd => new AwardCycle { Year = Year }.AssessmentEnd;
    }

    public sealed class InputModel
    {
        [Display(Name = "Catatan")]
        public string? Notes { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

        public List<StageInput> Stages { get; set; } = [];

        /// <summary>The row version (PostgreSQL xmin) the form was read at.</summary>
        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Notes).MaximumLength(CycleForm.MaxNotesLength)
                .WithMessage(_ => l["Catatan paling banyak {0} karakter.", CycleForm.MaxNotesLength]);
            RuleFor(x => x.Stages).Custom((stages, context) => CycleForm.ValidateStages(stages, context, l));
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await db.AwardCycles.AsNoTracking().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        Input = new InputModel { Notes = cycle.Notes, Stages = CycleForm.StagesFrom(cycle.Stages), Version = cycle.Version };
        await LoadViewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await db.AwardCycles.Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadViewAsync(ct);
            return Page();
        }

        var changes = new List<string>();
        if (!string.Equals(cycle.Notes, Input.Notes, StringComparison.Ordinal))
        {
            changes.Add($"notes: '{cycle.Notes}' -> '{Input.Notes}'");
        }

        foreach (var wanted in Input.Stages.OrderBy(s => s.Stage))
        {
            var stored = cycle.Stages.FirstOrDefault(s => s.Stage == wanted.Stage);
            if (stored is null)
            {
                stored = new CycleStage { Stage = wanted.Stage };
                cycle.Stages.Add(stored);
            }

            if (stored.StartsOn != wanted.StartsOn || stored.EndsOn != wanted.EndsOn)
            {
                changes.Add($"{wanted.Stage}: {CycleForm.Range(stored.StartsOn, stored.EndsOn)} -> {CycleForm.Range(wanted.StartsOn, wanted.EndsOn)}");
                stored.StartsOn = wanted.StartsOn;
                stored.EndsOn = wanted.EndsOn;
            }
        }

        if (changes.Count == 0)
        {
            TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
            return RedirectToPage(new { id = Id });
        }

        cycle.Notes = Input.Notes;
        // The cycle row is always updated (also when only stage dates changed), so that the version
        // the form was read at is checked and a concurrent edit is always detected.
        var entry = db.Entry(cycle);
        entry.Property(c => c.Version).OriginalValue = Input.Version;
        entry.Property(c => c.Notes).IsModified = true;
        audit.Record(AuditActions.CycleUpdated, "award-cycle", Id.ToString(CultureInfo.InvariantCulture), null, AuditDetails.Texts(changes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Siklus ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            await LoadViewAsync(ct);
            return Page();
        }

        TempData["StatusMessage"] = l["Siklus {0} telah disimpan.", cycle.Year].Value;
        return RedirectToPage(new { id = Id });
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostMakeCurrentAsync(CancellationToken ct)
    {
        var cycle = await db.AwardCycles.AsNoTracking().Where(c => c.Id == Id).Select(c => new { c.Year, c.IsCurrent }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (cycle.IsCurrent)
        {
            return Done(l["Siklus {0} sudah menjadi siklus berjalan.", cycle.Year]);
        }

        try
        {
            // Unset the others first, then set this one, in one transaction: the unique filtered index
            // ix_award_cycles_is_current refuses a second current cycle at any moment in between.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var previous = await db.AwardCycles.Where(c => c.IsCurrent && c.Id != Id).OrderBy(c => c.Year).Select(c => c.Year).ToListAsync(ct);
            await db.AwardCycles.Where(c => c.IsCurrent && c.Id != Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsCurrent, false), ct);
            await db.AwardCycles.Where(c => c.Id == Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsCurrent, true), ct);
            await ReferenceChanges.NotifyAsync(db, ct);
            audit.Record(AuditActions.CycleMadeCurrent, "award-cycle", Id.ToString(CultureInfo.InvariantCulture), null,
                AuditDetails.Of(("year", cycle.Year.ToString(CultureInfo.InvariantCulture)), ("previous current", previous.Count == 0 ? "-" : string.Join(",", previous))));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (CycleForm.UniqueViolation(e) == CycleForm.CurrentIndex)
        {
            // Another administrator made another cycle current at the same moment.
            db.ChangeTracker.Clear();
            return Refuse(l["Siklus berjalan baru saja diubah oleh orang lain. Muat ulang halaman lalu coba lagi."]);
        }

        return Done(l["Siklus {0} sekarang menjadi siklus berjalan.", cycle.Year]);
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => await SetClosedAsync(true, ct);

    [ValidateOnly]
    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => await SetClosedAsync(false, ct);

    private async Task<IActionResult> SetClosedAsync(bool close, CancellationToken ct)
    {
        var cycle = await db.AwardCycles.FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (cycle.IsClosed == close)
        {
            return Done(close ? l["Siklus {0} sudah ditutup.", cycle.Year] : l["Siklus {0} sudah terbuka.", cycle.Year]);
        }

        cycle.IsClosed = close;
        audit.Record(close ? AuditActions.CycleClosed : AuditActions.CycleReopened, "award-cycle", Id.ToString(CultureInfo.InvariantCulture), null,
            AuditDetails.Of(("year", cycle.Year.ToString(CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(ct);
        return Done(close
            ? l["Siklus {0} telah ditutup. Datanya kini hanya dapat diubah oleh administrator.", cycle.Year]
            : l["Siklus {0} telah dibuka kembali.", cycle.Year]);
    }

    private RedirectToPageResult Done(string message) => this.RedirectWithMessage(message, new { id = Id });

    private RedirectToPageResult Refuse(string message) => this.RedirectWithMessage(message, new { id = Id }, isError: true);

    private async Task LoadViewAsync(CancellationToken ct)
    {
        Cycle = await db.AwardCycles.AsNoTracking()
            .Where(c => c.Id == Id)
            .Select(c => new CycleView(c.Id, c.Year, c.IsCurrent, c.IsClosed, c.CreatedAt, c.Categories.Count, db.Nominations.Count(n => n.CycleId == c.Id)))
            .FirstAsync(ct);
        if (Input.Stages.Count == 0)
        {
            Input.Stages = CycleForm.EmptyStages();
        }
    }
}
