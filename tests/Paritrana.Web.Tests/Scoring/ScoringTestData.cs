using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Accounts;
using Paritrana.Web.Data;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>A cycle made for one test, with its categories by code.</summary>
public sealed record ScoringCycle(int Id, int Year, IReadOnlyDictionary<string, int> Categories)
{
    public string YearText => Year.ToString(CultureInfo.InvariantCulture);

    public int Large => Categories["BESAR"];

    public int Medium => Categories["MENENGAH"];
}

/// <summary>A criteria set as the tests need it: its id and its indicators by code.</summary>
public sealed record TestCriteria(int Id, IReadOnlyDictionary<string, int> Indicators);

/// <summary>
/// Cycles, criteria, rounds, nominations, assignments and cards for the scoring tests, written
/// straight into the test class's database (the pages under test are used for what they are
/// meant to do). Each call makes fresh data: a cycle of an unused year, employers with new names.
/// </summary>
public sealed class ScoringTestData(Func<PortalFactory> factory)
{
    public ScoringTestData(PortalFixture portal) : this(() => portal.Factory)
    {
    }

    /// <summary>For tests that move the portal's clock.</summary>
    public ScoringTestData(ClockedPortalFixture portal) : this(() => portal.Factory)
    {
    }

    private PortalFactory Portal => factory();

    public const string Chair = "ketua.bali@paritrana.demo";
    public const string Member = "anggota.bali@paritrana.demo";
    public const string JatengChair = "ketua.jateng@paritrana.demo";
    public const string JatengMember = "anggota.jateng@paritrana.demo";
    public const string Admin = "admin@paritrana.demo";
    public const string Password = "Demo-Paritrana-2026";

    private static readonly SemaphoreSlim YearGate = new(1, 1);

    public ParitranaDbContext NewContext() =>
        PortalHosts.NewContext(Portal.Database);

    /// <summary>A cycle of a year no other cycle has (1999 downwards), with the default categories, all active.</summary>
    public async Task<ScoringCycle> CycleAsync(int finalists = 2)
    {
        await YearGate.WaitAsync();
        try
        {
            await using var db = NewContext();
            var taken = await db.AwardCycles.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(1950, 50).Reverse().First(y => !taken.Contains(y));
            var cycle = new AwardCycle { Year = year, CreatedAt = DateTimeOffset.UtcNow };
            var order = 0;
            foreach (var (code, name, kind, _) in CategoryKinds.Defaults)
            {
                cycle.Categories.Add(new Category { Code = code, Name = name, Kind = kind, SortOrder = ++order, IsActive = true, FinalistCount = finalists });
            }

            db.AwardCycles.Add(cycle);
            await db.SaveChangesAsync();
            return new ScoringCycle(cycle.Id, year, cycle.Categories.ToDictionary(c => c.Code, c => c.Id));
        }
        finally
        {
            YearGate.Release();
        }
    }

    /// <summary>
    /// A small criteria set whose arithmetic is easy to follow by hand: KEP (weight 60) with KEP1
    /// (levels 1–5, 50) and KEP2 (0–100, 50); WAW (weight 40) with WAW1 (levels 1–5, 100).
    /// </summary>
    public async Task<TestCriteria> SmallCriteriaAsync(ScoringCycle cycle, int categoryId, bool locked = false)
    {
        string[] rubric = ["Tidak ada.", "Sedikit.", "Sebagian.", "Hampir semua.", "Semua."];
        await using var db = NewContext();
        var set = new CriteriaSet
        {
            CycleId = cycle.Id,
            CategoryId = categoryId,
            VersionNumber = 1,
            IsCurrent = true,
            IsLocked = locked,
            CreatedAt = DateTimeOffset.UtcNow,
            Aspects =
            [
                new Aspect
                {
                    Code = "KEP", Name = "Kepatuhan", Weight = 60m, SortOrder = 1,
                    Indicators =
                    [
                        Levels("KEP1", "Seluruh program diikuti", 50m, 1, rubric),
                        new Indicator { Code = "KEP2", Name = "Pekerja terdaftar", Weight = 50m, Scale = ScaleKind.Percent, SortOrder = 2, EvidenceGuidance = "Data kepesertaan per 31 Desember." },
                    ],
                },
                new Aspect
                {
                    Code = "WAW", Name = "Wawancara", Weight = 40m, SortOrder = 2,
                    Indicators = [Levels("WAW1", "Pemahaman pimpinan", 100m, 1, rubric)],
                },
            ],
        };
        db.CriteriaSets.Add(set);
        await db.SaveChangesAsync();
        return new TestCriteria(set.Id, set.Aspects.SelectMany(a => a.Indicators).ToDictionary(i => i.Code, i => i.Id));
    }

    private static Indicator Levels(string code, string name, decimal weight, int order, string[] rubric) => new()
    {
        Code = code, Name = name, Weight = weight, Scale = ScaleKind.Levels, SortOrder = order,
        Rubric1 = rubric[0], Rubric2 = rubric[1], Rubric3 = rubric[2], Rubric4 = rubric[3], Rubric5 = rubric[4],
    };

    public async Task<int> RoundAsync(ScoringCycle cycle, string name, decimal weight, RoundStatus status, string[] aspectCodes, string province = "51", RoundKind kind = RoundKind.Documents, int order = 1)
    {
        await using var db = NewContext();
        var round = new ScoringRound
        {
            CycleId = cycle.Id,
            ProvinceCode = province,
            Name = name,
            Kind = kind,
            Weight = weight,
            SortOrder = order,
            Status = status,
            Aspects = aspectCodes.Select(c => new RoundAspect { AspectCode = c }).ToList(),
        };
        db.ScoringRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>An employer in a regency or city and its nomination in the category, ready for scoring by default.</summary>
    public async Task<int> NominationAsync(ScoringCycle cycle, int categoryId, string name, string regencyCode = "51.71", NominationStatus status = NominationStatus.ReadyForScoring, int workers = 100, int participants = 90)
    {
        await using var db = NewContext();
        var organisation = new Organisation
        {
            Type = OrganisationType.Employer,
            Name = name,
            ProvinceCode = regencyCode[..2],
            RegencyCode = regencyCode,
            Npp = "8" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
            SizeClass = SizeClass.Large,
            Sector = "Jasa",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var nomination = new Nomination
        {
            CycleId = cycle.Id,
            CategoryId = categoryId,
            OrganisationId = organisation.Id,
            ProvinceCode = organisation.ProvinceCode,
            RegencyCode = organisation.RegencyCode,
            Status = status,
            FiguresAsOf = new DateOnly(1990, 12, 31),
            Workers = workers,
            ParticipantsPu = participants,
            ParticipantsBpu = 0,
            Programs = Programs.All,
            ArrearsMonths = 0,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    public async Task<Guid> UserIdAsync(string email)
    {
        await using var db = NewContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<string> UserNameAsync(string email)
    {
        await using var db = NewContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync();
    }

    /// <summary>Another committee member of a province (an account through Identity, so it can sign in with the demo password).</summary>
    public async Task<string> CommitteeMemberAsync(string fullName, string province = "51")
    {
        var email = $"anggota.{Guid.NewGuid():N}@uji.paritrana".ToLowerInvariant();
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, FullName = fullName, ProvinceCode = province, CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.CommitteeMember)).Succeeded.ShouldBeTrue();
        return email;
    }

    public async Task AssignAsync(int roundId, int nominationId, params string[] emails)
    {
        await using var db = NewContext();
        foreach (var email in emails)
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Assignments.Add(new Assignment { RoundId = roundId, NominationId = nominationId, ScorerId = id, AssignedBy = id, AssignedAt = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync();
    }

    public async Task ConflictAsync(int nominationId, string email, string reason)
    {
        await using var db = NewContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        db.ConflictDeclarations.Add(new ConflictDeclaration { NominationId = nominationId, ScorerId = id, Reason = reason, DeclaredAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>A submitted card written directly, with the total worked out by hand in the test (stored as given).</summary>
    public async Task SubmittedCardAsync(int roundId, int nominationId, string email, TestCriteria criteria, decimal total, params (string Code, decimal Value)[] scores)
    {
        await using var db = NewContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var regency = await db.Nominations.Where(n => n.Id == nominationId).Select(n => new { n.ProvinceCode, n.RegencyCode }).SingleAsync();
        if (!await db.Assignments.AnyAsync(a => a.RoundId == roundId && a.NominationId == nominationId && a.ScorerId == id))
        {
            db.Assignments.Add(new Assignment { RoundId = roundId, NominationId = nominationId, ScorerId = id, AssignedBy = id, AssignedAt = DateTimeOffset.UtcNow });
        }

        db.Scorecards.Add(new Scorecard
        {
            RoundId = roundId,
            NominationId = nominationId,
            ScorerId = id,
            CriteriaSetId = criteria.Id,
            ProvinceCode = regency.ProvinceCode,
            RegencyCode = regency.RegencyCode,
            Status = ScorecardStatus.Submitted,
            Total = total,
            SubmittedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Scores = scores.Select(s => new Score { IndicatorId = criteria.Indicators[s.Code], Value = s.Value }).ToList(),
        });
        await db.SaveChangesAsync();
    }

    public async Task SettingsAsync(ScoringCycle cycle, RoundAggregation aggregation, bool hideOthers = true, decimal threshold = 25m, bool zScores = false)
    {
        await using var db = NewContext();
        var settings = await db.ScoringSettings.FirstOrDefaultAsync(s => s.CycleId == cycle.Id);
        if (settings is null)
        {
            settings = new ScoringSettings { CycleId = cycle.Id };
            db.ScoringSettings.Add(settings);
        }

        settings.Aggregation = aggregation;
        settings.HideOthersUntilSubmitted = hideOthers;
        settings.DisagreementThreshold = threshold;
        settings.ShowZScores = zScores;
        await db.SaveChangesAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<T>(Portal.Database, sql, parameters);

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        await TestDatabase.ScalarAsync<long>(Portal.Database, sql, parameters);

    /// <summary>Rows of a query as strings joined by " | ", for exact comparisons.</summary>
    public async Task<List<string>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionStringFor(Portal.Database));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async Task<PortalClient> SignedInAsync(string email)
    {
        var client = Portal.CreatePortalClient();
        try
        {
            return await client.SignedInAsAsync(email);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static string Card(int round, int nomination) =>
        FormattableString.Invariant($"/Scoring/Card?round={round}&nomination={nomination}");

    public static string Text(IHtmlDocument page, string selector) => PortalClient.Text(page.QuerySelector(selector));

    public static string Errors(IHtmlDocument page) => PortalClient.Text(page.QuerySelector(".validation-summary-errors"));

    /// <summary>The success or error message shown after a redirect.</summary>
    public static string Status(IHtmlDocument page) => PortalClient.Text(page.QuerySelector(".alert-dismissible"));

    /// <summary>A page refused by role: the portal sends the browser to the access-denied page.</summary>
    public static void ShouldBeAccessDenied(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
