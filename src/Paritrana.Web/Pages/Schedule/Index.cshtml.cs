using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Paritrana.Web.Features.Work;
using Paritrana.Web.Pages.Admin.Cycles;

namespace Paritrana.Web.Pages.Schedule;

/// <summary>
/// The stage schedule of a province in the current cycle (decisions/029): the cycle's dates set by
/// the administrator, the province's own dates within them, and where today stands. The province's
/// committee chair and the administrator (who picks the province) change the province's dates;
/// everyone of the province reads them. A stage left empty follows the cycle's dates.
/// </summary>
public class IndexModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The province shown: the administrator's choice; for everyone else their own.</summary>
    [BindProperty(SupportsGet = true, Name = "province")]
    public string? ProvinceCode { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CycleSchedule? Schedule { get; private set; }

    public string? ProvinceName { get; private set; }

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Position { get; private set; } = [];

    public IReadOnlyDictionary<StageKind, StageDates> CycleDates { get; private set; } = new Dictionary<StageKind, StageDates>();

    public IReadOnlyDictionary<StageKind, StageDates> Effective { get; private set; } = new Dictionary<StageKind, StageDates>();

    public sealed class InputModel
    {
        public List<StageInput> Stages { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Stages).Custom((stages, context) => CycleForm.ValidateStages(stages, context, l));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (ProvinceCode is string province && Schedule is not null)
        {
            Input.Stages = StageRows(Schedule.ProvinceStages.TryGetValue(province, out var own) ? own : []);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!CanEdit || ProvinceCode is not string province || Schedule is null)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var index = Input.Stages.Select((s, i) => (s.Stage, i)).ToDictionary(x => x.Stage, x => x.i);
            foreach (var issue in StageCalendar.CheckWithinCycle(Schedule.CycleStages, Input.Stages.Select(s => new StageDates(s.Stage, s.StartsOn, s.EndsOn))))
            {
                var stage = l[NominationNames.Stage(issue.Stage)].Value;
                var ofCycle = CycleDates.GetValueOrDefault(issue.Stage);
                var range = ofCycle is { StartsOn: DateOnly from, EndsOn: DateOnly to }
                    ? $"{Formats.Date(from)} – {Formats.Date(to)}"
                    : "";
                var (field, message) = issue.Problem switch
                {
                    ProvinceStageProblem.CycleStageNotScheduled => ("StartsOn", l["Tahap {0} belum dijadwalkan untuk siklus ini, sehingga provinsi belum dapat menetapkan tanggalnya sendiri.", stage].Value),
                    ProvinceStageProblem.StartsOutsideCycle => ("StartsOn", l["Tanggal mulai tahap {0} harus di dalam jadwal siklus ({1}).", stage, range].Value),
                    _ => ("EndsOn", l["Tanggal selesai tahap {0} harus di dalam jadwal siklus ({1}).", stage, range].Value),
                };
                ModelState.AddModelError($"Input.Stages[{index[issue.Stage].ToString(CultureInfo.InvariantCulture)}].{field}", message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // One SaveChanges: every stage row and the audit event, or nothing.
        var cycleId = Schedule.CycleId;
        var stored = await db.ProvinceStages.Where(s => s.CycleId == cycleId && s.ProvinceCode == province).ToListAsync(ct);
        var changes = new List<string>();
        foreach (var wanted in Input.Stages.OrderBy(s => s.Stage))
        {
            var row = stored.FirstOrDefault(s => s.Stage == wanted.Stage);
            if (row?.StartsOn == wanted.StartsOn && row?.EndsOn == wanted.EndsOn)
            {
                continue;
            }

            changes.Add($"{wanted.Stage}: {CycleForm.Range(row?.StartsOn, row?.EndsOn)} -> {CycleForm.Range(wanted.StartsOn, wanted.EndsOn)}");
            if (wanted.StartsOn is not DateOnly start || wanted.EndsOn is not DateOnly end)
            {
                db.ProvinceStages.Remove(row!);
            }
            else if (row is null)
            {
                db.ProvinceStages.Add(new ProvinceStage { CycleId = cycleId, ProvinceCode = province, Stage = wanted.Stage, StartsOn = start, EndsOn = end });
            }
            else
            {
                row.StartsOn = start;
                row.EndsOn = end;
            }
        }

        if (changes.Count == 0)
        {
            TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
            return RedirectToPage(new { province = me.Role == Roles.Administrator ? province : null });
        }

        audit.Record(AuditActions.ProvinceStagesUpdated, "province-stages", $"{Schedule.Year.ToString(CultureInfo.InvariantCulture)}-{province}", province, AuditDetails.Texts(changes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (CycleForm.UniqueViolation(e) is not null || e is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Jadwal provinsi ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda."]);
            return Page();
        }

        TempData["StatusMessage"] = l["Jadwal tahapan provinsi {0} telah disimpan.", ProvinceName ?? province].Value;
        return RedirectToPage(new { province = me.Role == Roles.Administrator ? province : null });
    }

    /// <summary>The six stage rows of the form from the province's stored dates.</summary>
    private static List<StageInput> StageRows(IReadOnlyList<StageDates> own) =>
        StageSchedule.Order.Select(s => own.FirstOrDefault(o => o.Stage == s) is { } o
            ? new StageInput { Stage = s, StartsOn = o.StartsOn, EndsOn = o.EndsOn }
            : new StageInput { Stage = s }).ToList();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var isAdmin = me.Role == Roles.Administrator;
        if (!isAdmin)
        {
            if (scope.ProvinceCode is null)
            {
                return false;
            }

            ProvinceCode = scope.ProvinceCode;
        }
        else
        {
            Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Name)
                .Select(p => new SelectListItem(p.Name, p.Code)).ToListAsync(ct);
        }

        if (ProvinceCode is string code)
        {
            ProvinceName = await db.Provinces.AsNoTracking().InScope(scope).Where(p => p.Code == code).Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (ProvinceName is null)
            {
                return false;
            }
        }

        Schedule = await StageQueries.CurrentAsync(db, reference, scope, ct);
        if (Schedule is null || ProvinceCode is not string province)
        {
            return true;
        }

        CanEdit = !Schedule.IsClosed && (isAdmin || me.IsChair);
        CycleDates = Schedule.CycleStages.ToDictionary(s => s.Stage);
        Effective = Schedule.EffectiveFor(province).ToDictionary(s => s.Stage);
        Position = StageTexts.Describe(Schedule.PositionFor(province, Wib.Today(clock)), Schedule.Year, l);
        return true;
    }
}
