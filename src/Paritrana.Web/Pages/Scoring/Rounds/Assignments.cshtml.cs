using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Paritrana.Web.Features.Scoring;
using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Scoring.Rounds;

/// <summary>
/// The chair assigns the province's committee members (and themself) to score nominations in a
/// round: one by one, all nominations of a category to chosen scorers, or balanced automatically
/// under a load cap. Assignments without a submitted card can be removed. A closed round is read-only.
/// </summary>
[Authorize(Policy = Policies.Chair)]
public class AssignmentsModel(
    ParitranaDbContext db,
    CurrentUser me,
    AssignmentService assignments,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kategori")]
    public int? CategoryFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public OneInput One { get; set; } = new();

    [BindProperty]
    public CategoryInput Bulk { get; set; } = new();

    [BindProperty]
    public BalanceInput Balance { get; set; } = new();

    public RoundInfo Round { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];

    public IReadOnlyList<ScorerRef> Scorers { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name, string Category)> Nominations { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Loads { get; private set; } = new Dictionary<Guid, int>();

    public PagedList<Row> Assigned { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public int AssignableCount { get; private set; }

    public bool IsReadOnly => Round.Status == RoundStatus.Closed;

    /// <summary>Categories of the nominations to score that lack usable criteria: no scorer is assigned for them.</summary>
    public IReadOnlyList<CategoryLack> LackingCriteria { get; private set; } = [];

    public sealed record Row(int Id, int NominationId, string Nomination, string Category, string Scorer, ScorecardStatus? CardStatus, bool Conflicted);

    public sealed class OneInput
    {
        [Display(Name = "Nominasi")]
        public int? NominationId { get; set; }

        [Display(Name = "Penilai")]
        public Guid? ScorerId { get; set; }
    }

    public sealed class CategoryInput
    {
        [Display(Name = "Kategori")]
        public int? CategoryId { get; set; }

        [Display(Name = "Penilai")]
        public List<Guid> ScorerIds { get; set; } = [];
    }

    public sealed class BalanceInput
    {
        [Display(Name = "Kategori")]
        public int? CategoryId { get; set; }

        [Display(Name = "Penilai")]
        public List<Guid> ScorerIds { get; set; } = [];

        [Display(Name = "Penilai per nominasi")]
        public int? PerNomination { get; set; } = AssignmentBalancer.PreferredScorersPerNomination;

        [Display(Name = "Batas beban per penilai")]
        public int? Cap { get; set; }
    }

    public sealed class BalanceValidator : AbstractValidator<BalanceInput>
    {
        public BalanceValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.ScorerIds).NotEmpty().WithMessage(_ => l["Pilih sekurang-kurangnya satu penilai."]);
            RuleFor(x => x.PerNomination).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Jumlah penilai per nominasi wajib diisi."])
                .InclusiveBetween(1, 20).WithMessage(_ => l["Jumlah penilai per nominasi harus antara 1 dan {0}.", 20])
                .Must((input, k) => k <= input.ScorerIds.Distinct().Count()).When(x => x.ScorerIds.Count > 0)
                .WithMessage(_ => l["Jumlah penilai per nominasi tidak boleh melebihi jumlah penilai yang dipilih."]);
            RuleFor(x => x.Cap).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => l["Batas beban per penilai wajib diisi."])
                .InclusiveBetween(1, 100_000).WithMessage(_ => l["Batas beban per penilai harus antara 1 dan {0}.", 100_000]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadRoundAsync(id, ct))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        Balance.ScorerIds = Scorers.Select(s => s.Id).ToList();
        Balance.PerNomination = AssignmentBalancer.ProposedScorersPerNomination(Scorers.Count);
        Balance.Cap = AssignmentBalancer.ProposedCap(AssignableCount, Balance.PerNomination.Value, Scorers.Count);
        return Page();
    }

    [ValidateOnly(nameof(One))]
    public async Task<IActionResult> OnPostOneAsync(int id, CancellationToken ct)
    {
        if (!await LoadRoundAsync(id, ct))
        {
            return NotFound();
        }

        if (One.NominationId is not int nomination || One.ScorerId is not Guid scorer)
        {
            return Done(id, new AssignmentService.Outcome(false, l["Pilih nominasi dan penilai."].Value));
        }

        return Done(id, await assignments.AssignOneAsync(Round.Ref, nomination, scorer, me.Id!.Value, ct));
    }

    [ValidateOnly(nameof(Bulk))]
    public async Task<IActionResult> OnPostCategoryAsync(int id, CancellationToken ct)
    {
        if (!await LoadRoundAsync(id, ct))
        {
            return NotFound();
        }

        if (Bulk.CategoryId is not int category || !await db.Categories.AnyAsync(c => c.Id == category && c.CycleId == Round.CycleId, ct))
        {
            return Done(id, new AssignmentService.Outcome(false, l["Pilih kategori."].Value));
        }

        return Done(id, await assignments.AssignCategoryAsync(Round.Ref, category, Bulk.ScorerIds, me.Id!.Value, ct));
    }

    [ValidateOnly(nameof(Balance))]
    public async Task<IActionResult> OnPostBalanceAsync(int id, CancellationToken ct)
    {
        if (!await LoadRoundAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (Balance.CategoryId is int category && !await db.Categories.AnyAsync(c => c.Id == category && c.CycleId == Round.CycleId, ct))
        {
            return NotFound();
        }

        return Done(id, await assignments.BalanceAsync(Round.Ref, Balance.CategoryId, Balance.ScorerIds, Balance.PerNomination!.Value, Balance.Cap!.Value, me.Id!.Value, ct));
    }

    [ValidateOnly]
    public async Task<IActionResult> OnPostRemoveAsync(int id, int assignmentId, CancellationToken ct)
    {
        if (!await LoadRoundAsync(id, ct))
        {
            return NotFound();
        }

        return Done(id, await assignments.UnassignAsync(Round.Ref, assignmentId, ct));
    }

    private RedirectToPageResult Done(int id, AssignmentService.Outcome outcome)
    {
        TempData["StatusMessage"] = outcome.Message;
        if (!outcome.Done)
        {
            TempData["StatusIsError"] = true;
        }

        if (outcome.Notes is { Count: > 0 } notes)
        {
            TempData["AssignmentNotes"] = string.Join("\n", notes);
        }

        return RedirectToPage(new { id, kategori = CategoryFilter });
    }

    private async Task<bool> LoadRoundAsync(int id, CancellationToken ct)
    {
        var scope = await me.GetScopeAsync(ct);
        var round = await RoundLookup.FindAsync(db, id, scope, ct);
        if (round is null)
        {
            return false;
        }

        Round = round;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var round = Round;
        Categories = (await db.Categories.AsNoTracking().Where(c => c.CycleId == round.CycleId).OrderBy(c => c.SortOrder)
                .Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        Scorers = await ScoringLookups.Scorers(db, round.ProvinceCode).ToListAsync(ct);
        var assignable = assignments.AssignableNominations(round.Ref);
        AssignableCount = await (CategoryFilter is int f ? assignable.Where(n => n.CategoryId == f) : assignable).CountAsync(ct);
        Nominations = (await (CategoryFilter is int c2 ? assignable.Where(n => n.CategoryId == c2) : assignable)
                .OrderBy(n => n.Organisation!.Name)
                .Select(n => new { n.Id, Name = n.Organisation!.Name, Category = n.Category!.Name })
                .ToListAsync(ct))
            .Select(n => (n.Id, n.Name, n.Category)).ToList();
        if (!IsReadOnly)
        {
            var categories = await RoundCriteria.ScoredCategoryIdsAsync(db, round.CycleId, round.ProvinceCode, ct);
            LackingCriteria = await RoundCriteria.LackingAsync(db, round.Id, CategoryFilter is int only ? categories.Where(c => c == only).ToList() : categories, ct);
        }

        Loads = await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id)
            .GroupBy(a => a.ScorerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var query =
            from a in db.Assignments.AsNoTracking()
            where a.RoundId == round.Id
            join n in db.Nominations on a.NominationId equals n.Id
            join u in db.Users on a.ScorerId equals u.Id
            select new { a, n, u };
        if (CategoryFilter is int category)
        {
            query = query.Where(x => x.n.CategoryId == category);
        }

        Assigned = await query
            .OrderBy(x => x.n.Organisation!.Name).ThenBy(x => x.n.Id).ThenBy(x => x.u.FullName)
            .Select(x => new Row(
                x.a.Id,
                x.n.Id,
                x.n.Organisation!.Name,
                x.n.Category!.Name,
                x.u.FullName,
                db.Scorecards.Where(c => c.RoundId == x.a.RoundId && c.NominationId == x.a.NominationId && c.ScorerId == x.a.ScorerId).Select(c => (ScorecardStatus?)c.Status).FirstOrDefault(),
                db.ConflictDeclarations.Any(d => d.NominationId == x.a.NominationId && d.ScorerId == x.a.ScorerId)))
            .ToPagedListAsync(PageNumber, ct: ct);
    }
}
