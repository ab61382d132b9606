using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>A scored cycle of one province: its rounds (documents 60 %, interview 40 %) and category.</summary>
public sealed record ScoredCycle(int Id, int Year, int CategoryId, int DocumentsRound, int InterviewRound, int CriteriaSetId, int IndicatorId)
{
    public string YearText => Year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Four scored nominations of one category (2 finalists): A 86,50 (rank 1); C and B tie at 76,00, C
/// first by its interview; D 60,00 with the member's conflicted cards left out. The names end in <see cref="Tag"/>.
/// </summary>
public sealed record ShortlistScenario(ScoredCycle Cycle, int A, int B, int C, int D, string Tag);

/// <summary>
/// Builds what the shortlist tests need straight into the test database: a cycle of an unused
/// year with one category, two rounds, one aspect with one 0–100 indicator, nominations in status
/// Scored with submitted cards of known totals (the card total equals the indicator's score).
/// </summary>
public sealed class ShortlistTestData(string database)
{
    public const string Chair = "ketua.bali@paritrana.demo";
    public const string Member = "anggota.bali@paritrana.demo";
    public const string JatengChair = "ketua.jateng@paritrana.demo";
    public const string Admin = "admin@paritrana.demo";

    private static readonly SemaphoreSlim YearGate = new(1, 1);

    public ParitranaDbContext Db() =>
        PortalHosts.NewContext(database);

    public async Task<Guid> UserIdAsync(string email)
    {
        await using var db = Db();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync();
    }

    public async Task<ScoredCycle> CycleAsync(string provinceCode = "51", int finalists = 2)
    {
        await YearGate.WaitAsync();
        try
        {
            await using var db = Db();
            var taken = await db.AwardCycles.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(2100, 200).First(y => !taken.Contains(y));
            var cycle = new AwardCycle { Year = year, CreatedAt = DateTimeOffset.UtcNow };
            cycle.Categories.Add(new Category { Code = "BESAR", Name = "Perusahaan Besar", Kind = CategoryKind.LargeCompany, SortOrder = 1, FinalistCount = finalists, IsActive = true });
            db.AwardCycles.Add(cycle);
            await db.SaveChangesAsync();
            var category = cycle.Categories[0];
            var set = new CriteriaSet { CycleId = cycle.Id, CategoryId = category.Id, IsLocked = true, CreatedAt = DateTimeOffset.UtcNow };
            set.Aspects.Add(new Aspect { Code = "A1", Name = "Kepatuhan", Weight = 100, SortOrder = 1, Indicators = [new Indicator { Code = "I1", Name = "Pendaftaran pekerja", Weight = 100, Scale = ScaleKind.Percent, SortOrder = 1 }] });
            db.CriteriaSets.Add(set);
            var documents = new ScoringRound { CycleId = cycle.Id, ProvinceCode = provinceCode, Name = "Penilaian Dokumen", Kind = RoundKind.Documents, Weight = 60, SortOrder = 1, Status = RoundStatus.Closed, Aspects = [new RoundAspect { AspectCode = "A1" }] };
            var interview = new ScoringRound { CycleId = cycle.Id, ProvinceCode = provinceCode, Name = "Wawancara", Kind = RoundKind.Interview, Weight = 40, SortOrder = 2, Status = RoundStatus.Closed, Aspects = [new RoundAspect { AspectCode = "A1" }] };
            db.ScoringRounds.AddRange(documents, interview);
            await db.SaveChangesAsync();
            return new ScoredCycle(cycle.Id, year, category.Id, documents.Id, interview.Id, set.Id, set.Aspects[0].Indicators[0].Id);
        }
        finally
        {
            YearGate.Release();
        }
    }

    /// <summary>A fresh cycle with the four nominations of <see cref="ShortlistScenario"/>.</summary>
    public async Task<ShortlistScenario> ScenarioAsync()
    {
        var cycle = await CycleAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var a = await NominationAsync(cycle, $"PT Alfa {tag}", [90m, 80m], [88.5m, 89m], strengths: "Kepatuhan sangat baik");
        var b = await NominationAsync(cycle, $"PT Beta {tag}", [80m, 80m], [70m, 70m]);
        var c = await NominationAsync(cycle, $"PT Gama {tag}", [70m, 70m], [85m, 85m]);
        var d = await NominationAsync(cycle, $"PT Delta {tag}", [60m, 100m], [60m, 100m]);
        await ConflictAsync(d);
        return new ShortlistScenario(cycle, a, b, c, d, tag);
    }

    /// <summary>A Scored nomination with the chair's and the member's cards: documents and interview totals per scorer.</summary>
    public async Task<int> NominationAsync(
        ScoredCycle cycle, string name, decimal[] documents, decimal[] interview, (int Workers, int Pu, int Bpu)? figures = null, string regency = "51.71",
        NominationStatus status = NominationStatus.Scored, string? strengths = null)
    {
        await using var db = Db();
        var scorers = new[] { await UserIdAsync(Chair), await UserIdAsync(Member) };
        var province = regency[..2];
        var organisation = new Organisation
        {
            Type = OrganisationType.Employer, Name = name, ProvinceCode = province, RegencyCode = regency,
            Npp = "8" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
            SizeClass = SizeClass.Large, Sector = "Jasa", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var f = figures ?? (100, 90, 0);
        var nomination = new Nomination
        {
            CycleId = cycle.Id, CategoryId = cycle.CategoryId, OrganisationId = organisation.Id, ProvinceCode = province, RegencyCode = regency,
            Status = status, Workers = f.Workers, ParticipantsPu = f.Pu, ParticipantsBpu = f.Bpu, FiguresAsOf = new DateOnly(2025, 6, 30),
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        foreach (var (round, totals) in new[] { (cycle.DocumentsRound, documents), (cycle.InterviewRound, interview) })
        {
            for (var i = 0; i < totals.Length; i++)
            {
                db.Scorecards.Add(new Scorecard
                {
                    RoundId = round, NominationId = nomination.Id, ScorerId = scorers[i], CriteriaSetId = cycle.CriteriaSetId, ProvinceCode = province,
                    RegencyCode = regency, Status = ScorecardStatus.Submitted, Total = totals[i], Strengths = strengths, SubmittedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow, Scores = [new Score { IndicatorId = cycle.IndicatorId, Value = totals[i], Comment = "Baik" }],
                });
            }
        }

        await db.SaveChangesAsync();
        return nomination.Id;
    }

    /// <summary>The member declares a conflict with the nomination: their cards no longer count.</summary>
    public async Task ConflictAsync(int nominationId, string email = Member)
    {
        await using var db = Db();
        db.ConflictDeclarations.Add(new ConflictDeclaration { NominationId = nominationId, ScorerId = await UserIdAsync(email), Reason = "Keluarga", DeclaredAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>The confirmation step of "Tetapkan" (a page holding #confirm-form), answered "Ya, tetapkan".</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(PortalClient chair, AngleSharp.Html.Dom.IHtmlDocument confirmation, string pageUrl)
    {
        if (confirmation.QuerySelector("#confirm-form") is null)
        {
            throw new InvalidOperationException("No confirmation step; the page says: " + PortalClient.Text(confirmation.QuerySelector("[data-testid=errors]")));
        }

        return await chair.SubmitFormAsync(confirmation, pageUrl, "#confirm-form", new Dictionary<string, string>(), "button[name='Input.Confirmed']");
    }

    public async Task<NominationStatus> StatusAsync(int nominationId)
    {
        await using var db = Db();
        return await db.Nominations.Where(n => n.Id == nominationId).Select(n => n.Status).FirstAsync();
    }
}
