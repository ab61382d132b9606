using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.National;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Features.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The national rounds on the provinces' engine (issue 17, docs/decisions/043), through the pages with
/// antiforgery tokens: the secretariat (administrator) creates the default national rounds, assigns the
/// jurors balanced over the pool (a juror of the candidate's home province is never assigned) and opens
/// the round; a juror scores on the card page against the national criteria (not the provincial ones);
/// a juror sees another juror's card only after submitting their own; the province sees none of it.
/// National criteria: KEP (60: KEP1 levels 20, KEP2 0–100 80) and WAW (40: WAW1 levels 100); the
/// provincial ones of the same category (ScoringTestData.SmallCriteriaAsync) weigh KEP1 and KEP2 50/50.
/// </summary>
public class NationalRoundsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    private sealed record Setup(ScoringCycle Cycle, int Bali, int Jateng, int NotForwarded);

    private async Task<Setup> SetUpAsync()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        await using (var db = data.NewContext())
        {
            db.CriteriaSets.Add(new CriteriaSet
            {
                CycleId = cycle.Id, CategoryId = cycle.Large, Stage = ScoringStage.National, VersionNumber = 1, IsCurrent = true, CreatedAt = DateTimeOffset.UtcNow,
                Aspects =
                [
                    new Aspect
                    {
                        Code = "KEP", Name = "Kepatuhan", Weight = 60m, SortOrder = 1,
                        Indicators =
                        [
                            new Indicator { Code = "KEP1", Name = "Seluruh program diikuti", Weight = 20m, Scale = ScaleKind.Levels, SortOrder = 1 },
                            new Indicator { Code = "KEP2", Name = "Pekerja terdaftar", Weight = 80m, Scale = ScaleKind.Percent, SortOrder = 2 },
                        ],
                    },
                    new Aspect { Code = "WAW", Name = "Wawancara", Weight = 40m, SortOrder = 2, Indicators = [new Indicator { Code = "WAW1", Name = "Pemahaman pimpinan", Weight = 100m, Scale = ScaleKind.Levels, SortOrder = 1 }] },
                ],
            });
            await db.SaveChangesAsync();
        }

        var bali = await data.NominationAsync(cycle, cycle.Large, $"PT Nasional Bali {Guid.NewGuid():N}"[..26], "51.71", NominationStatus.ForwardedToNational);
        var jateng = await data.NominationAsync(cycle, cycle.Large, $"PT Nasional Jateng {Guid.NewGuid():N}"[..28], "33.74", NominationStatus.ForwardedToNational);
        var finalist = await data.NominationAsync(cycle, cycle.Large, $"PT Belum Diteruskan {Guid.NewGuid():N}"[..29], "51.71", NominationStatus.Finalist);
        return new Setup(cycle, bali, jateng, finalist);
    }

    private async Task<int> RoundAsync(ScoringCycle cycle, RoundKind kind) =>
        await data.ScalarAsync<int>("SELECT id FROM scoring_rounds WHERE cycle_id = @c AND province_code = '00' AND kind = @k", ("c", cycle.Id), ("k", (int)kind));

    [Fact]
    public async Task The_secretariat_runs_a_national_round_and_the_jurors_score_it_on_the_national_criteria_out_of_the_provinces_sight()
    {
        var s = await SetUpAsync();
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);
        var rounds = $"/National/Rounds?cycle={s.Cycle.YearText}";

        // The two default national rounds, by the form of the page.
        (await admin.SubmitFormAsync(rounds, "[data-testid=defaults-form]", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.RowsAsync("SELECT name || ' ' || kind || ' ' || weight || ' ' || status FROM scoring_rounds WHERE cycle_id = @c AND province_code = '00' ORDER BY sort_order", ("c", s.Cycle.Id)))
            .ShouldBe(["Verifikasi Administrasi Nasional 1 60.00 1", "Wawancara Nasional 3 40.00 1"]);

        // Three jurors per candidate asked: juri1 (Bali) is not put on the Bali candidate, juri2 (Jawa Tengah) not on
        // the Jawa Tengah one; the finalist that was not forwarded is not in the pool.
        var verification = await RoundAsync(s.Cycle, RoundKind.Documents);
        using (var assigned = await admin.SubmitFormAsync(rounds, $"[data-testid=national-round][data-round='{verification}'] [data-testid=assign-form]", new Dictionary<string, string> { ["perNomination"] = "3" }))
        {
            assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await data.RowsAsync("""
            SELECT n.id || ' ' || string_agg(u.email, ',' ORDER BY u.email) FROM assignments a JOIN nominations n ON n.id = a.nomination_id JOIN users u ON u.id = a.scorer_id
            WHERE a.round_id = @r GROUP BY n.id ORDER BY n.id
            """, ("r", verification))).ShouldBe(
        [
            $"{s.Bali} juri2@paritrana.demo,juri3@paritrana.demo",
            $"{s.Jateng} juri1@paritrana.demo,juri3@paritrana.demo",
        ]);

        // Opened by the secretariat.
        (await admin.SubmitFormAsync(rounds, $"[data-testid=national-round][data-round='{verification}'] [data-testid=open-form]", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.ScalarAsync<int>("SELECT status FROM scoring_rounds WHERE id = @r", ("r", verification))).ShouldBe((int)RoundStatus.Open);

        // juri3 submits on the card page: the national criteria's KEP1 4 → 75 × 0.2 = 15, KEP2 80 × 0.8 = 64: 79.
        // (The provincial criteria would give 0.5 × 75 + 0.5 × 80 = 77.5.)
        var card = ScoringTestData.Card(verification, s.Bali);
        using var juri3 = await data.SignedInAsync("juri3@paritrana.demo");
        (await SubmitAsync(juri3, card, new() { ["Input.Scores[0].Value"] = "4", ["Input.Scores[1].Value"] = "80" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.RowsAsync("SELECT total::text || ' ' || province_code || ' ' || status FROM scorecards WHERE round_id = @r AND nomination_id = @n", ("r", verification), ("n", s.Bali)))
            .ShouldBe(["79.0000 00 2"]);

        // juri2 still scoring sees no other card; after submitting (KEP1 5 → 100 × 0.2 = 20, KEP2 90 × 0.8 = 72: 92) sees juri3's 79,00.
        using var juri2 = await data.SignedInAsync("juri2@paritrana.demo");
        var before = await juri2.GetPageAsync(card);
        before.QuerySelector("[data-testid=others-hidden]").ShouldNotBeNull();
        before.Body!.TextContent.ShouldNotContain("79,00");
        (await SubmitAsync(juri2, card, new() { ["Input.Scores[0].Value"] = "5", ["Input.Scores[1].Value"] = "90" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await juri2.GetPageAsync(card);
        after.Body!.TextContent.ShouldContain("79,00");

        // The secretariat's pool: the round's score is the mean (79 + 92) / 2 = 85.5.
        var pool = await admin.GetPageAsync($"/National?cycle={s.Cycle.YearText}");
        var row = pool.QuerySelector($"[data-testid=pool-row][data-nomination='{s.Bali}']")!;
        PortalClient.Text(row.QuerySelector("[data-testid=total]")).ShouldBe("85,50");
        pool.QuerySelector($"[data-testid=pool-row][data-nomination='{s.NotForwarded}']").ShouldBeNull();

        // juri1 (from Bali) has no card of the Bali candidate; the Bali committee sees none of it.
        using var juri1 = await data.SignedInAsync("juri1@paritrana.demo");
        (await juri1.GetAsync(card)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        (await chair.GetAsync(card)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var details = (await chair.GetPageAsync($"/Nominations/Details/{s.Bali}")).Body!.TextContent;
        details.ShouldContain("Diteruskan ke tingkat nasional");
        details.ShouldNotContain("85,50");
        details.ShouldNotContain("79,00");
        var ranking = (await chair.GetPageAsync($"/Scoring/Ranking?cycle={s.Cycle.YearText}&kategori={s.Cycle.Large}")).Body!.TextContent;
        ranking.ShouldNotContain("Verifikasi Administrasi Nasional");
        ranking.ShouldNotContain("85,50");
    }

    [Fact]
    public async Task A_juror_of_the_candidates_home_province_is_refused_one_by_one_and_a_declared_conflict_keeps_the_juror_off_too()
    {
        var s = await SetUpAsync();
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);
        (await admin.SubmitFormAsync($"/National/Rounds?cycle={s.Cycle.YearText}", "[data-testid=defaults-form]", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var interview = await RoundAsync(s.Cycle, RoundKind.Interview);
        var juri1 = await data.UserIdAsync("juri1@paritrana.demo");
        var adminId = await data.UserIdAsync(ScoringTestData.Admin);

        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AssignmentService>();
            var outcome = await service.AssignOneAsync(new AssignmentService.RoundRef(interview, s.Cycle.Id, NationalStage.Code, "Wawancara Nasional", RoundStatus.Draft), s.Bali, juri1, adminId, CancellationToken.None);
            outcome.Done.ShouldBeFalse();
            outcome.Message.ShouldStartWith("Prof. Ketut Juri berasal dari provinsi kandidat PT Nasional Bali");
        }

        // juri3 declares a conflict with the Jawa Tengah candidate on the declaration page (a juror's page too).
        using var juri3 = await data.SignedInAsync("juri3@paritrana.demo");
        (await juri3.SubmitFormAsync($"/Scoring/Conflicts/Declare?nomination={s.Jateng}", "#declare-form", new Dictionary<string, string> { ["Input.Reason"] = "Pernah menjadi konsultan perusahaan ini." }))
            .Headers.Location!.OriginalString.ShouldStartWith("/National/Cards");
        (await admin.SubmitFormAsync($"/National/Rounds?cycle={s.Cycle.YearText}", $"[data-testid=national-round][data-round='{interview}'] [data-testid=assign-form]", new Dictionary<string, string> { ["perNomination"] = "3" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.RowsAsync("""
            SELECT n.id || ' ' || string_agg(u.email, ',' ORDER BY u.email) FROM assignments a JOIN nominations n ON n.id = a.nomination_id JOIN users u ON u.id = a.scorer_id
            WHERE a.round_id = @r GROUP BY n.id ORDER BY n.id
            """, ("r", interview))).ShouldBe(
        [
            $"{s.Bali} juri2@paritrana.demo,juri3@paritrana.demo",
            $"{s.Jateng} juri1@paritrana.demo",
        ]);
    }

    /// <summary>"Kirim kartu nilai", then "Ya, kirim kartu nilai" on the confirmation step.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, string url, Dictionary<string, string> values)
    {
        var first = await client.SubmitFormAsync(url, "#scorecard-form", values, "#submit-button");
        if (first.StatusCode != HttpStatusCode.OK)
        {
            return first;
        }

        var page = await PortalClient.ParseAsync(first);
        first.Dispose();
        return await client.SubmitFormAsync(page, url, "#confirm-form", new Dictionary<string, string>(), "#confirm-submit");
    }
}
