using Paritrana.Web.Features.FieldWork;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// What a scorer reads beside the scorecard (docs/decisions/035): the nomination's figures against
/// the employer's latest imported BPJamsostek figures, a government's regulations, budgets and
/// innovations, the findings of the visits done, the coaching items with their status, and the
/// evidence files (opened through /FieldWork/Files/Download, which checks the scope again). Read
/// only for a nomination in the reader's scope; nothing of another nomination.
/// </summary>
public sealed class ScorecardEvidence(ParitranaDbContext db)
{
    /// <summary>The evidence sections of the card page, by anchor.</summary>
    public static class Sections
    {
        public const string Figures = "ev-figures";
        public const string Regulations = "ev-regulations";
        public const string Budgets = "ev-budgets";
        public const string Innovations = "ev-innovations";
        public const string Visits = "ev-visits";
        public const string Coaching = "ev-coaching";
        public const string Files = "ev-files";
    }

    public sealed record VisitFinding(int Id, DateTimeOffset DoneAt, string Place, string? Findings, string? DocumentsChecked, string? InterviewNotes);

    public sealed record CoachingRow(int Id, string Finding, string Recommendation, DateOnly DueDate, CoachingStatus Status, string? Outcome);

    /// <summary>The employer's latest imported figures (from Organisation.Latest*), compared with the nomination's.</summary>
    public sealed record Imported(DateOnly AsOf, int? Workers, int? ParticipantsPu, int? ParticipantsBpu, Programs Programs, int? ArrearsMonths)
    {
        public decimal? CoveragePercentage => Coverage.Percentage((long?)ParticipantsPu + ParticipantsBpu, Workers);
    }

    public sealed record Evidence(
        Nomination Nomination,
        bool IsGovernment,
        Imported? Imported,
        IReadOnlyList<VisitFinding> Visits,
        IReadOnlyList<CoachingRow> Coaching,
        IReadOnlyList<EvidenceRow> Files);

    /// <summary>
    /// The sections an indicator's evidence is in, by its aspect code (the template's aspects;
    /// an aspect the portal does not know points to the visits and the files).
    /// </summary>
    public static IReadOnlyList<string> SectionsFor(string aspectCode, bool isGovernment) => aspectCode switch
    {
        "REG" => [Sections.Regulations, Sections.Files],
        "ANG" => [Sections.Budgets],
        "INO" => [Sections.Innovations, Sections.Visits],
        "KIN" or "KEP" or "DIG" => [Sections.Figures],
        "WAW" => [Sections.Visits, Sections.Coaching],
        _ => isGovernment ? [Sections.Visits, Sections.Files] : [Sections.Figures, Sections.Visits, Sections.Files],
    };

    /// <summary>The evidence of one nomination, or null when it is not in <paramref name="scope"/>.</summary>
    public async Task<Evidence?> LoadAsync(int nominationId, AccessScope scope, CancellationToken ct)
    {
        // A juror reads a pool nomination's evidence (what its province forwarded), nothing else (docs/decisions/043).
        var n = await National.NationalPool.Scorable(db, scope).AsNoTracking()
            .Include(x => x.Organisation)
            .Include(x => x.Category)
            .Include(x => x.Regulations.OrderBy(r => r.Year).ThenBy(r => r.Id))
            .Include(x => x.Budgets.OrderBy(b => b.Year).ThenBy(b => b.Id))
            .Include(x => x.Innovations.OrderBy(i => i.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == nominationId, ct);
        if (n is null)
        {
            return null;
        }

        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.NominationId == n.Id && v.Status == VisitStatus.Done)
            .OrderBy(v => v.DoneAt).ThenBy(v => v.Id)
            .Select(v => new VisitFinding(v.Id, v.DoneAt ?? v.PlannedAt, v.Place, v.Findings, v.DocumentsChecked, v.InterviewNotes))
            .ToListAsync(ct);
        var coaching = await db.CoachingItems.AsNoTracking()
            .Where(c => c.NominationId == n.Id)
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .Select(c => new CoachingRow(c.Id, c.Finding, c.Recommendation, c.DueDate, c.Status, c.Status == CoachingStatus.Waived ? c.WaiverReason : c.ResolutionNote))
            .ToListAsync(ct);
        var files = await EvidenceRow.ListAsync(db, f => f.NominationId == n.Id && !f.IsRemoved, ct);
        var org = n.Organisation!;
        var imported = org.LatestAsOf is DateOnly asOf
            ? new Imported(asOf, org.LatestWorkers, org.LatestParticipantsPu, org.LatestParticipantsBpu, org.LatestPrograms, org.LatestArrearsMonths)
            : null;
        return new Evidence(n, n.Category!.Kind.IsGovernment(), imported, visits, coaching, files);
    }
}
