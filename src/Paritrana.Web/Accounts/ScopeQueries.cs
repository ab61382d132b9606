namespace Paritrana.Web.Accounts;

/// <summary>
/// The query side of <see cref="AccessScope"/>, and the only one (docs/decisions/006, 026): every
/// list or lookup of province- or region-bound data goes through one of these filters, and a record
/// filtered away answers 404. One overload per kind of record: region-bound records
/// (<see cref="IRegionBound"/>), regions and offices, nominations, a nomination's field work
/// (<see cref="INominationBound"/>), scoring rounds, import batches and the frozen decision records.
/// </summary>
public static class ScopeQueries
{
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, AccessScope scope) where T : IRegionBound
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.SeesNothing)
        {
            return query.Where(_ => false);
        }

        var province = scope.ProvinceCode!;
        query = query.Where(x => x.ProvinceCode == province);
        if (scope.IsLimitedToRegencies)
        {
            var codes = scope.RegencyCodes.ToArray();
            query = query.Where(x => x.RegencyCode != null && codes.Contains(x.RegencyCode));
        }

        return query;
    }

    public static IQueryable<Province> InScope(this IQueryable<Province> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        var province = scope.ProvinceCode;
        return query.Where(p => province != null && p.Code == province);
    }

    public static IQueryable<RegencyOrCity> InScope(this IQueryable<RegencyOrCity> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.SeesNothing)
        {
            return query.Where(_ => false);
        }

        var province = scope.ProvinceCode!;
        query = query.Where(r => r.ProvinceCode == province);
        if (scope.IsLimitedToRegencies)
        {
            var codes = scope.RegencyCodes.ToArray();
            query = query.Where(r => codes.Contains(r.Code));
        }

        return query;
    }

    public static IQueryable<BranchOffice> InScope(this IQueryable<BranchOffice> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.SeesNothing)
        {
            return query.Where(_ => false);
        }

        var province = scope.ProvinceCode!;
        query = query.Where(b => b.ProvinceCode == province);
        if (scope.BranchOfficeId is int branch)
        {
            query = query.Where(b => b.Id == branch);
        }

        return query;
    }

    /// <summary>
    /// The instance's copy of the regencies and cities (<see cref="ReferenceData"/>), filtered as the
    /// query above filters the table: the copy is the same for everyone, the scope is the reader's
    /// (ScopeQueriesInMemoryTests holds the two to the same answer for every kind of scope).
    /// </summary>
    public static IEnumerable<ReferenceData.RegencyRef> InScope(this IEnumerable<ReferenceData.RegencyRef> regencies, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return regencies;
        }

        if (scope.SeesNothing)
        {
            return [];
        }

        var province = scope.ProvinceCode!;
        var codes = scope.RegencyCodes;
        return regencies.Where(r => r.ProvinceCode == province && (!scope.IsLimitedToRegencies || codes.Contains(r.Code)));
    }

    /// <summary>The instance's copy of the branch offices, filtered as the query above filters the table.</summary>
    public static IEnumerable<ReferenceData.BranchOfficeRef> InScope(this IEnumerable<ReferenceData.BranchOfficeRef> offices, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return offices;
        }

        if (scope.SeesNothing)
        {
            return [];
        }

        var province = scope.ProvinceCode!;
        var branch = scope.BranchOfficeId;
        return offices.Where(b => b.ProvinceCode == province && (branch is null || b.Id == branch));
    }

    /// <summary>The instance's copy of the provinces, filtered as the query of the table above.</summary>
    public static IEnumerable<ReferenceData.ProvinceRef> InScope(this IEnumerable<ReferenceData.ProvinceRef> provinces, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return provinces;
        }

        var province = scope.ProvinceCode;
        return provinces.Where(p => province != null && p.Code == province);
    }

    /// <summary>The instance's copy of the provinces' stage dates, filtered as the query of the table below.</summary>
    public static IEnumerable<ReferenceData.ProvinceStageRef> InScope(this IEnumerable<ReferenceData.ProvinceStageRef> stages, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return stages;
        }

        var province = scope.ProvinceCode;
        return stages.Where(s => province != null && s.ProvinceCode == province);
    }

    /// <summary>
    /// Nominations: the committee sees its province; a branch officer sees the nominations its
    /// branch verifies (including province-level ones assigned to it); the administrator all.
    /// </summary>
    public static IQueryable<Nomination> InScope(this IQueryable<Nomination> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.SeesNothing)
        {
            return query.Where(_ => false);
        }

        var province = scope.ProvinceCode!;
        query = query.Where(n => n.ProvinceCode == province);
        if (scope.BranchOfficeId is int branch)
        {
            query = query.Where(n => n.BranchOfficeId == branch);
        }

        return query;
    }

    /// <summary>
    /// A nomination's field work (visits, coaching items, evidence files): seen by whoever sees its
    /// nomination. The committee and the administrator read it by region, as any region-bound
    /// record; a branch officer sees nominations by branch (province-level ones included), so their
    /// field work is filtered through the nominations in their scope (<paramref name="nominations"/>,
    /// the context's set).
    /// </summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, AccessScope scope, IQueryable<Nomination> nominations) where T : INominationBound
    {
        if (!scope.IsLimitedToRegencies)
        {
            return query.InScope<T>(scope);
        }

        var seen = nominations.InScope(scope);
        return query.Where(x => seen.Any(n => n.Id == x.NominationId));
    }

    // Field work without its nominations would be filtered by region, which is wrong for a branch
    // officer: these make such a call a compile error (the overload above is the one to use).
    private const string FieldWorkNeedsNominations = "Field work is scoped through its nominations: InScope(scope, db.Nominations).";

    [Obsolete(FieldWorkNeedsNominations, error: true)]
    public static IQueryable<Visit> InScope(this IQueryable<Visit> query, AccessScope scope) => throw new NotSupportedException(FieldWorkNeedsNominations);

    [Obsolete(FieldWorkNeedsNominations, error: true)]
    public static IQueryable<CoachingItem> InScope(this IQueryable<CoachingItem> query, AccessScope scope) => throw new NotSupportedException(FieldWorkNeedsNominations);

    [Obsolete(FieldWorkNeedsNominations, error: true)]
    public static IQueryable<EvidenceFile> InScope(this IQueryable<EvidenceFile> query, AccessScope scope) => throw new NotSupportedException(FieldWorkNeedsNominations);

    /// <summary>
    /// The official records of plenary decisions: province-level documents of the committee. The
    /// committee sees its province's, the administrator (national secretariat, who receives them) all;
    /// a branch officer, whose scope is regencies, none.
    /// </summary>
    public static IQueryable<PlenaryDecisionVersion> InScope(this IQueryable<PlenaryDecisionVersion> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.SeesNothing || scope.IsLimitedToRegencies)
        {
            return query.Where(_ => false);
        }

        var province = scope.ProvinceCode!;
        return query.Where(v => v.ProvinceCode == province);
    }

    /// <summary>
    /// A province's stage dates: the administrator sees every province's, everyone else with a
    /// province (its committee and its branch officers) that province's.
    /// </summary>
    public static IQueryable<ProvinceStage> InScope(this IQueryable<ProvinceStage> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        var province = scope.ProvinceCode;
        return query.Where(s => province != null && s.ProvinceCode == province);
    }

    /// <summary>
    /// Scoring rounds: a round belongs to one province and is seen only by that province's committee
    /// (the administrator sees all); a branch officer, whose scope is regencies, sees none. The national
    /// rounds (<see cref="NationalStage.Code"/>, docs/decisions/043) are the administrator's and the
    /// national jurors', and a juror sees no other.
    /// </summary>
    public static IQueryable<ScoringRound> InScope(this IQueryable<ScoringRound> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.IsJuror)
        {
            return query.Where(r => r.ProvinceCode == NationalStage.Code);
        }

        if (scope.SeesNothing || scope.IsLimitedToRegencies)
        {
            return query.Where(_ => false);
        }

        var province = scope.ProvinceCode!;
        return query.Where(r => r.ProvinceCode == province);
    }

    /// <summary>
    /// Import batches: the administrator sees all of them, a branch officer those checked against
    /// their branch's area (by any officer of that branch); nobody else any.
    /// </summary>
    public static IQueryable<ImportBatch> InScope(this IQueryable<ImportBatch> query, AccessScope scope)
    {
        if (scope.IsNational)
        {
            return query;
        }

        if (scope.BranchOfficeId is int branch)
        {
            return query.Where(b => b.BranchOfficeId == branch);
        }

        return query.Where(_ => false);
    }
}
