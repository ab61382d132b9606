using Npgsql;

namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// Creates the default rounds of a province's (<see cref="CriteriaTemplates.DefaultRounds"/>) or of the
/// national jury's (<see cref="CriteriaTemplates.NationalRounds"/>, scope value <see cref="NationalStage.Code"/>)
/// in a cycle, with their audit event, while the scope has no round in it yet (docs/decisions/043).
/// </summary>
public static class DefaultRounds
{
    /// <summary>False when the scope already has rounds in the cycle (nothing is added then).</summary>
    public static async Task<bool> AddAsync(ParitranaDbContext db, AuditTrail audit, int cycleId, string scopeValue, CancellationToken ct)
    {
        if (await db.ScoringRounds.AnyAsync(r => r.CycleId == cycleId && r.ProvinceCode == scopeValue, ct))
        {
            return false;
        }

        var templates = NationalStage.IsNational(scopeValue) ? CriteriaTemplates.NationalRounds : CriteriaTemplates.DefaultRounds;
        var order = 0;
        foreach (var (name, kind, weight, codes) in templates)
        {
            db.ScoringRounds.Add(new ScoringRound
            {
                CycleId = cycleId,
                ProvinceCode = scopeValue,
                Name = name,
                Kind = kind,
                Weight = weight,
                SortOrder = ++order,
                Aspects = codes.Select(c => new RoundAspect { AspectCode = c }).ToList(),
            });
        }

        audit.Record(AuditActions.RoundCreated, "award-cycle", cycleId.ToString(CultureInfo.InvariantCulture), scopeValue,
            AuditDetails.Of(("default rounds", string.Join(", ", templates.Select(r => FormattableString.Invariant($"{r.Name} {r.Weight:0.##}"))))));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
