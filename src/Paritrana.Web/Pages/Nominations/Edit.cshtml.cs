using FluentValidation;
using Paritrana.Web.Features.Nominations;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// The figures of a nomination, editable by the committee while it is a draft or returned and its
/// cycle is open: employers' coverage and compliance, governments' coverage and their three lists
/// (regulations, APBD budget, innovations), each list item added or removed by its own small form.
/// Every save is checked against the version the form was read at; nothing is half-saved.
/// </summary>
[Authorize(Policy = Policies.Committee)]
public partial class EditModel(
    ParitranaDbContext db,
    CurrentUser me,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public RegulationInput Regulation { get; set; } = new();

    [BindProperty]
    public BudgetInput Budget { get; set; } = new();

    [BindProperty]
    public InnovationInput Innovation { get; set; } = new();

    public int Id { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public string? Npp { get; private set; }

    public string CategoryName { get; private set; } = "";

    public NominationStatus Status { get; private set; }

    public string? LastReturnReason { get; private set; }

    public bool IsGovernment { get; private set; }

    public int CycleYear { get; private set; }

    /// <summary>The stored version, carried by the small list forms.</summary>
    public uint CurrentVersion { get; private set; }

    /// <summary>The coverage of the stored figures.</summary>
    public decimal? Coverage { get; private set; }

    public IReadOnlyList<GovernmentRegulation> Regulations { get; private set; } = [];

    public IReadOnlyList<BudgetAllocation> Budgets { get; private set; } = [];

    public IReadOnlyList<Innovation> Innovations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (nomination, stop) = await LoadForChangeAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }

        await LoadPageAsync(nomination!, fillInput: true, ct);
        return Page();
    }

    [ValidateOnly(nameof(Input))]
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (nomination, stop) = await LoadForChangeAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }

        var n = nomination!;
        if (n.Version != Input.Version)
        {
            return await ConflictAsync(n, ct);
        }

        Input.IsGovernment = n.Category!.Kind.IsGovernment();
        if (!ModelState.IsValid)
        {
            await LoadPageAsync(n, fillInput: false, ct);
            return Page();
        }

        var changes = Input.ToFigures().ApplyTo(n);
        if (changes.Count == 0)
        {
            TempData["StatusMessage"] = l["Tidak ada yang diubah."].Value;
            return RedirectToPage("/Nominations/Details", new { id });
        }

        audit.Record(AuditActions.NominationUpdated, "nomination", Key(n.Id), n.ProvinceCode, AuditDetails.Texts(changes));
        if (!await SaveAsync(n, Input.Version, ct))
        {
            return await ConflictAsync(null, ct);
        }

        TempData["StatusMessage"] = l["Angka nominasi telah disimpan."].Value;
        return RedirectToPage("/Nominations/Details", new { id });
    }

    /// <summary>Saves the tracked nomination (its row always updated) against the version the form was read at.</summary>
    private async Task<bool> SaveAsync(Nomination n, uint version, CancellationToken ct)
    {
        n.UpdatedAt = clock.GetUtcNow();
        var entry = db.Entry(n);
        entry.Property(x => x.Version).OriginalValue = version;
        entry.Property(x => x.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The form was read before someone else changed the nomination: show what is stored now, save nothing.</summary>
    private async Task<IActionResult> ConflictAsync(Nomination? loaded, CancellationToken ct)
    {
        var n = loaded ?? await db.Nominations.AsNoTracking().Include(x => x.Category).FirstAsync(x => x.Id == Id, ct);
        ModelState.Clear();
        ModelState.AddModelError("", NominationMessages.EditConflict(l));
        await LoadPageAsync(n, fillInput: true, ct);
        return Page();
    }

    /// <summary>
    /// The nomination, tracked, when the user may change it now: in scope (else 404), its cycle
    /// open to them and its status one whose figures may change (else back to its page with why).
    /// </summary>
    private async Task<(Nomination? Nomination, IActionResult? Stop)> LoadForChangeAsync(int id, CancellationToken ct)
    {
        Id = id;
        var scope = await me.GetScopeAsync(ct);
        var n = await db.Nominations.InScope(scope).Include(x => x.Category).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return (null, NotFound());
        }

        var cycle = await db.AwardCycles.AsNoTracking().FirstAsync(c => c.Id == n.CycleId, ct);
        CycleYear = cycle.Year;
        string? refusal = null;
        if (!cycle.IsEditableBy(me.Role ?? ""))
        {
            refusal = NominationMessages.CycleClosed(l, cycle.Year);
        }
        else if (!NominationWorkflow.FiguresEditable(n.Status))
        {
            refusal = NominationMessages.FiguresNotEditable(l, n.Status);
        }

        if (refusal is not null)
        {
            TempData["StatusMessage"] = refusal;
            TempData["StatusIsError"] = true;
            return (null, RedirectToPage("/Nominations/Details", new { id }));
        }

        return (n, null);
    }

    private async Task LoadPageAsync(Nomination n, bool fillInput, CancellationToken ct)
    {
        Id = n.Id;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == n.OrganisationId).Select(o => new { o.Name, o.Npp }).FirstAsync(ct);
        (OrganisationName, Npp) = (organisation.Name, organisation.Npp);
        CategoryName = n.Category!.Name;
        IsGovernment = n.Category.Kind.IsGovernment();
        Status = n.Status;
        LastReturnReason = n.LastReturnReason;
        CurrentVersion = n.Version;
        Coverage = n.CoveragePercentage;
        if (IsGovernment)
        {
            Regulations = await db.GovernmentRegulations.AsNoTracking().Where(r => r.NominationId == n.Id).OrderBy(r => r.Year).ThenBy(r => r.Id).ToListAsync(ct);
            Budgets = await db.BudgetAllocations.AsNoTracking().Where(b => b.NominationId == n.Id).OrderBy(b => b.Year).ThenBy(b => b.Id).ToListAsync(ct);
            Innovations = await db.Innovations.AsNoTracking().Where(i => i.NominationId == n.Id).OrderBy(i => i.Id).ToListAsync(ct);
        }

        if (fillInput)
        {
            Input = new InputModel
            {
                FiguresAsOf = n.FiguresAsOf,
                Workers = n.Workers,
                ParticipantsPu = n.ParticipantsPu,
                ParticipantsBpu = n.ParticipantsBpu,
                Programs = ProgramCodes.Each.Where(p => n.Programs.HasFlag(p.Flag)).Select(p => p.Code).ToList(),
                ArrearsMonths = n.ArrearsMonths,
                AllWorkersRegistered = n.AllWorkersRegistered,
                WagesReportedCorrectly = n.WagesReportedCorrectly,
                UsesSipp = n.UsesSipp,
                JmoUsers = n.JmoUsers,
                NikValidatedPercent = n.NikValidatedPercent,
                VendorCount = n.VendorCount,
                VendorsRegistered = n.VendorsRegistered,
                CsrDescription = n.CsrDescription,
                CsrAmount = n.CsrAmount is decimal csr ? RupiahText.FormatNumber(csr) : null,
                WorkforceBps = n.WorkforceBps,
                ProtectedPu = n.ProtectedPu,
                ProtectedBpu = n.ProtectedBpu,
                NonAsnWorkers = n.NonAsnWorkers,
                NonAsnCovered = n.NonAsnCovered,
                Summary = n.Summary,
                Version = n.Version,
            };
        }
    }

    private static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);
}
