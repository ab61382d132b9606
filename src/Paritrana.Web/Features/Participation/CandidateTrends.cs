namespace Paritrana.Web.Features.Participation;

/// <summary>One import of an employer's figures (a point of the candidate's trend).</summary>
public sealed record EmployerTrendPoint(DateOnly AsOf, int Workers, int ParticipantsPu, int ParticipantsBpu, int ArrearsMonths)
{
    public decimal? Coverage => Domain.Organisations.Coverage.Percentage((long)ParticipantsPu + ParticipantsBpu, Workers);
}

/// <summary>
/// A candidate's own trend (issue 16): an employer's figures over its successive imports, and for a
/// regency or city government its regency's regional figures over every period. The caller has
/// already found the candidate in the reader's scope; these read only that candidate's rows.
/// </summary>
public sealed class CandidateTrends(ParitranaDbContext db)
{
    /// <summary>Every import of the employer's figures, oldest first.</summary>
    public async Task<IReadOnlyList<EmployerTrendPoint>> EmployerAsync(int organisationId, CancellationToken ct) =>
        await db.CoverageFigures.AsNoTracking()
            .Where(f => f.OrganisationId == organisationId)
            .OrderBy(f => f.AsOf)
            .Select(f => new EmployerTrendPoint(f.AsOf, f.Workers, f.ParticipantsPu, f.ParticipantsBpu, f.ArrearsMonths))
            .ToListAsync(ct);

    /// <summary>Every period of the regency's regional figures, oldest first.</summary>
    public async Task<IReadOnlyList<CoveragePoint>> RegencyAsync(string regencyCode, CancellationToken ct) =>
        (await db.RegionalFigures.AsNoTracking()
            .Where(f => f.RegencyCode == regencyCode)
            .OrderBy(f => f.Period)
            .Select(f => new { f.Period, f.FormalWorkers, f.InformalWorkers, f.ParticipantsPu, f.ParticipantsBpu, f.ActiveEmployers, f.AwareVillages })
            .ToListAsync(ct))
        .Select(f => new CoveragePoint(f.Period, new AreaFigures(f.FormalWorkers, f.InformalWorkers, f.ParticipantsPu, f.ParticipantsBpu, f.ActiveEmployers, f.AwareVillages)))
        .ToList();
}
