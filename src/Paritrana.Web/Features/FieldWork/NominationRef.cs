namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// The nomination a field-work page is about, as the page heading shows it, read in the user's
/// scope (null: not there or not theirs, the page answers 404).
/// </summary>
public sealed record NominationRef(
    int Id,
    string OrganisationName,
    string CategoryName,
    string ProvinceCode,
    string ProvinceName,
    string? RegencyCode,
    string? RegencyName,
    NominationStatus Status,
    int CycleYear,
    bool CycleClosed)
{
    public static async Task<NominationRef?> LoadAsync(ParitranaDbContext db, AccessScope scope, int nominationId, CancellationToken ct) =>
        await db.Nominations.AsNoTracking().InScope(scope)
            .Where(n => n.Id == nominationId)
            .Select(n => new NominationRef(
                n.Id,
                n.Organisation!.Name,
                n.Category!.Name,
                n.ProvinceCode,
                db.Provinces.Where(p => p.Code == n.ProvinceCode).Select(p => p.Name).First(),
                n.RegencyCode,
                db.RegenciesAndCities.Where(r => r.Code == n.RegencyCode).Select(r => r.Name).FirstOrDefault(),
                n.Status,
                db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.Year).First(),
                db.AwardCycles.Where(c => c.Id == n.CycleId).Select(c => c.IsClosed).First()))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Why the committee may not change this nomination's field work now, or null when it may:
    /// a closed cycle is read-only, and a nomination that is finished takes no more visits or coaching.
    /// </summary>
    public string? ChangeRefusal(IStringLocalizer l, string? role)
    {
        if (role is null || !Roles.IsCommittee(role))
        {
            return l[Domain.FieldWork.CoachingTexts.WrongRole].Value;
        }

        if (CycleClosed)
        {
            return l["Siklus {0} sudah ditutup; kunjungan, pembinaan dan berkasnya tidak dapat diubah lagi.", CycleYear].Value;
        }

        return NominationWorkflow.Final.Contains(Status)
            ? l["Nominasi ini sudah selesai; kunjungan, pembinaan dan berkasnya tidak dapat diubah lagi."].Value
            : null;
    }

    /// <summary>
    /// Why no coaching item may be recorded or reopened now (the nomination is past the coaching
    /// gate, CoachingRules.GateRefusal), or null when it may. Checked again under the nomination's
    /// lock when the item is saved.
    /// </summary>
    public string? CoachingRefusal(IStringLocalizer l) =>
        Domain.FieldWork.CoachingRules.GateRefusal(Status) is string refusal ? l[refusal].Value : null;

    public bool CanChange(string? role) => role is not null && Roles.IsCommittee(role) && !CycleClosed && !NominationWorkflow.Final.Contains(Status);
}
