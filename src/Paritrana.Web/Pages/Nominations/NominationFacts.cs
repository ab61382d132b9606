using Paritrana.Web.Infrastructure.Validation;

namespace Paritrana.Web.Pages.Nominations;

/// <summary>
/// What the edit form's validators need to know about the nomination the route names (its kind
/// chooses the rules, its cycle's year bounds the years), read once per request. Only for choosing
/// rules: the handler loads the nomination itself, in scope, and answers 404 or refuses as before.
/// </summary>
public sealed class NominationFacts(ParitranaDbContext db, RequestIds ids)
{
    public sealed record Facts(bool IsGovernment, int CycleYear);

    private Facts? read;

    public async Task<Facts?> ReadAsync(CancellationToken ct)
    {
        if (read is null && ids.Number("id") is int id)
        {
            var found = await db.Nominations.AsNoTracking()
                .Where(n => n.Id == id)
                .Select(n => new { n.Category!.Kind, db.AwardCycles.First(c => c.Id == n.CycleId).Year })
                .FirstOrDefaultAsync(ct);
            read = found is null ? null : new Facts(found.Kind.IsGovernment(), found.Year);
        }

        return read;
    }

    public async Task<bool> FillCycleYearAsync(ICycleYearInput input, CancellationToken ct)
    {
        if (await ReadAsync(ct) is not { } facts)
        {
            return false;
        }

        input.CycleYear = facts.CycleYear;
        return true;
    }
}
