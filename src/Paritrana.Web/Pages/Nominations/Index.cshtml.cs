using Microsoft.AspNetCore.Mvc.Rendering;
using Paritrana.Web.Features.Work;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// The nominations of one cycle in the user's scope: the pipeline (how many in each status) and a
/// paged list filtered by category, regency or city, status and branch office. The pipeline counts
/// honour the other filters but not the status, so each count is exactly what its link shows.
/// </summary>
public class IndexModel(ParitranaDbContext db, ReferenceData reference, CurrentUser me, TimeProvider clock) : CyclePageModel
{
    [BindProperty(SupportsGet = true, Name = "category")]
    public int? CategoryId { get; set; }

    [BindProperty(SupportsGet = true, Name = "regency")]
    public string? RegencyCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public NominationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "branch")]
    public int? BranchOfficeId { get; set; }

    /// <summary>One province (the administrator's home page links here per province).</summary>
    [BindProperty(SupportsGet = true, Name = "province")]
    public string? ProvinceCode { get; set; }

    /// <summary>
    /// What is late (decisions/029): <see cref="LateVerification"/>, waiting for verification too
    /// long; <see cref="LateStage"/>, still in a status of a stage that has ended.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "late")]
    public string? Late { get; set; }

    public const string LateVerification = "verification";

    public const string LateStage = "stage";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Regencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> BranchOffices { get; private set; } = [];

    /// <summary>Every status in workflow order with its count (zero included).</summary>
    public IReadOnlyList<(NominationStatus Status, int Count)> Pipeline { get; private set; } = [];

    public int PipelineTotal { get; private set; }

    public PagedList<Row> Nominations { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public bool CanCreate { get; private set; }

    public sealed record Row(
        int Id,
        string OrganisationName,
        string? Npp,
        OrganisationType OrganisationType,
        string CategoryName,
        string? RegencyName,
        NominationStatus Status,
        int? Workers,
        int? ParticipantsPu,
        int? ParticipantsBpu,
        long? WorkforceBps,
        int? ProtectedPu,
        int? ProtectedBpu,
        string? LastReturnReason,
        DateTimeOffset UpdatedAt)
    {
        public decimal? CoveragePercentage => WorkforceBps is not null
            ? Coverage.Percentage((long?)ProtectedPu + ProtectedBpu, WorkforceBps)
            : Coverage.Percentage((long?)ParticipantsPu + ParticipantsBpu, Workers);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ChooseCycleAsync(reference, db, ct);
        if (Cycle is null)
        {
            return;
        }

        var scope = await me.GetScopeAsync(ct);
        CanCreate = Roles.IsCommittee(me.Role ?? "") && !Cycle.IsClosed;
        await LoadFiltersAsync(scope, ct);

        var cycleId = Cycle.Id;
        var query = db.Nominations.AsNoTracking().InScope(scope).Where(n => n.CycleId == cycleId);
        if (CategoryId is int category)
        {
            query = query.Where(n => n.CategoryId == category);
        }

        if (!string.IsNullOrEmpty(RegencyCode))
        {
            var regency = RegencyCode;
            query = query.Where(n => n.RegencyCode == regency);
        }

        if (BranchOfficeId is int branch)
        {
            query = query.Where(n => n.BranchOfficeId == branch);
        }

        if (!string.IsNullOrEmpty(ProvinceCode))
        {
            var province = ProvinceCode;
            query = query.Where(n => n.ProvinceCode == province);
        }

        if (Late == LateVerification)
        {
            query = WorkQueries.LateForVerification(query, Wib.Today(clock));
        }
        else if (Late == LateStage)
        {
            // The province's effective stage dates (the cycle's where no province is given).
            var schedule = await StageQueries.ForCycleAsync(db, reference, scope, Cycle, ct);
            var province = string.IsNullOrEmpty(ProvinceCode) ? scope.ProvinceCode : ProvinceCode;
            var effective = province is null ? StageCalendar.Effective(schedule.CycleStages, []) : schedule.EffectiveFor(province);
            query = WorkQueries.InEndedStages(query, StageStatuses.Late(effective, Wib.Today(clock)));
        }

        // The pipeline: one GROUP BY over the filtered cycle, before the status filter.
        var counts = await query.GroupBy(n => n.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        Pipeline = Enum.GetValues<NominationStatus>().Select(s => (s, counts.GetValueOrDefault(s))).ToList();
        PipelineTotal = counts.Values.Sum();

        // The pipeline already counted the rows of the list, so the list needs no count query.
        var total = PipelineTotal;
        if (Status is NominationStatus status && Enum.IsDefined(status))
        {
            query = query.Where(n => n.Status == status);
            total = counts.GetValueOrDefault(status);
        }

        Nominations = await query
            .OrderBy(n => n.Organisation!.Name).ThenBy(n => n.Id)
            .Select(n => new Row(
                n.Id,
                n.Organisation!.Name,
                n.Organisation.Npp,
                n.Organisation.Type,
                n.Category!.Name,
                db.RegenciesAndCities.Where(r => r.Code == n.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                n.Status,
                n.Workers,
                n.ParticipantsPu,
                n.ParticipantsBpu,
                n.WorkforceBps,
                n.ProtectedPu,
                n.ProtectedBpu,
                n.LastReturnReason,
                n.UpdatedAt))
            .ToPageAsync(PageNumber, total, ct: ct);
    }

    /// <summary>The filters' lists, from the instance's copy of the reference data (docs/decisions/032), in the user's scope.</summary>
    private async Task LoadFiltersAsync(AccessScope scope, CancellationToken ct)
    {
        Categories = (await reference.CategoriesAsync(db, Cycle!.Id, ct))
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        Regencies = (await reference.RegenciesAsync(db, ct)).InScope(scope)
            .Select(r => new SelectListItem(r.Name, r.Code))
            .ToList();
        BranchOffices = (await reference.BranchOfficesAsync(db, ct)).InScope(scope)
            .Select(b => new SelectListItem(b.Name, b.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>The query string of this list with one filter changed (the pipeline's links); the page number starts again.</summary>
    public Dictionary<string, string> RouteWith(NominationStatus? status)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Cycle is not null)
        {
            values["cycle"] = Cycle.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (CategoryId is int category)
        {
            values["category"] = category.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(RegencyCode))
        {
            values["regency"] = RegencyCode;
        }

        if (BranchOfficeId is int branch)
        {
            values["branch"] = branch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (status is not null)
        {
            values["status"] = status.Value.ToString();
        }

        if (!string.IsNullOrEmpty(ProvinceCode))
        {
            values["province"] = ProvinceCode;
        }

        if (!string.IsNullOrEmpty(Late))
        {
            values["late"] = Late;
        }

        return values;
    }
}
