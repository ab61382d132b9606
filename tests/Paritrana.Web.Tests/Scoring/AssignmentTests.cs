using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The chair assigns scorers: one by one, all nominations of a category at once, or balanced under
/// a load cap; a declared conflict is never assigned; an assignment goes only while its card is
/// not submitted; members cannot assign.
/// </summary>
public class AssignmentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    private static string Page(int round) => $"/Scoring/Rounds/Assignments/{round}";

    private async Task<List<string>> AssignmentsAsync(int round) => await data.RowsAsync(
        """
        SELECT o.name, u.full_name FROM assignments a
        JOIN nominations n ON n.id = a.nomination_id JOIN organisations o ON o.id = n.organisation_id JOIN users u ON u.id = a.scorer_id
        WHERE a.round_id = @r ORDER BY o.name, u.full_name
        """, ("r", round));

    [Fact]
    public async Task The_chair_assigns_one_scorer_and_a_second_identical_assignment_is_refused()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        var nomination = await data.NominationAsync(cycle, cycle.Large, "PT Satu Penilai");
        var memberId = await data.UserIdAsync(ScoringTestData.Member);
        var memberName = await data.UserNameAsync(ScoringTestData.Member);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var fields = new Dictionary<string, string> { ["One.NominationId"] = ScoringTestData.Id(nomination), ["One.ScorerId"] = memberId.ToString() };

        using (var assigned = await chair.SubmitFormAsync(Page(round), "#one-form", fields))
        {
            var page = await PortalClient.ParseAsync(await chair.FollowAsync(assigned));
            ScoringTestData.Status(page).ShouldBe($"{memberName} ditugaskan menilai PT Satu Penilai.");
            page.QuerySelectorAll("[data-testid=assignment-row]").Select(r => PortalClient.Text(r.QuerySelector("[data-testid=scorer]"))).ShouldBe([memberName]);
        }

        using var again = await chair.SubmitFormAsync(Page(round), "#one-form", fields);
        ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(again))).ShouldBe($"{memberName} sudah ditugaskan menilai PT Satu Penilai di babak ini.");
        (await AssignmentsAsync(round)).ShouldBe([$"PT Satu Penilai | {memberName}"]);
    }

    [Fact]
    public async Task A_scorer_who_declared_a_conflict_is_not_assigned()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        var nomination = await data.NominationAsync(cycle, cycle.Large, "PT Konflik Kepentingan");
        await data.ConflictAsync(nomination, ScoringTestData.Member, "Pernah menjadi konsultan perusahaan ini.");
        var memberName = await data.UserNameAsync(ScoringTestData.Member);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        using var refused = await chair.SubmitFormAsync(Page(round), "#one-form", new Dictionary<string, string>
        {
            ["One.NominationId"] = ScoringTestData.Id(nomination),
            ["One.ScorerId"] = (await data.UserIdAsync(ScoringTestData.Member)).ToString(),
        });

        ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(refused)))
            .ShouldBe($"{memberName} telah menyatakan konflik kepentingan dengan PT Konflik Kepentingan, sehingga tidak dapat ditugaskan menilainya.");
        (await AssignmentsAsync(round)).ShouldBeEmpty();

        var conflicts = await chair.GetPageAsync("/Scoring/Conflicts");
        conflicts.QuerySelectorAll("[data-testid=conflict-row]").Select(r => PortalClient.Text(r.QuerySelector("[data-testid=reason]")))
            .ShouldContain("Pernah menjadi konsultan perusahaan ini.");
    }

    [Fact]
    public async Task All_nominations_of_a_category_go_to_the_chosen_scorers_skipping_conflicts()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Draft, ["KEP"]);
        var a = await data.NominationAsync(cycle, cycle.Large, "PT Besar A");
        await data.NominationAsync(cycle, cycle.Large, "PT Besar B");
        await data.NominationAsync(cycle, cycle.Large, "PT Besar C", status: NominationStatus.Scored);
        await data.NominationAsync(cycle, cycle.Large, "PT Besar Draf", status: NominationStatus.InFieldAssessment);
        await data.NominationAsync(cycle, cycle.Medium, "PT Menengah");
        await data.NominationAsync(cycle, cycle.Large, "PT Besar Jateng", regencyCode: "33.74");
        await data.ConflictAsync(a, ScoringTestData.Chair, "Komisaris perusahaan ini adalah kerabat.");
        var chairName = await data.UserNameAsync(ScoringTestData.Chair);
        var memberName = await data.UserNameAsync(ScoringTestData.Member);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var page = await chair.GetPageAsync(Page(round));

        using var response = await chair.SubmitFormFieldsAsync(page, Page(round), "#category-form",
        [
            new("Bulk.CategoryId", ScoringTestData.Id(cycle.Large)),
            new("Bulk.ScorerIds", (await data.UserIdAsync(ScoringTestData.Chair)).ToString()),
            new("Bulk.ScorerIds", (await data.UserIdAsync(ScoringTestData.Member)).ToString()),
        ]);

        var after = await PortalClient.ParseAsync(await chair.FollowAsync(response));
        ScoringTestData.Status(after).ShouldBe("5 penugasan dibuat untuk 3 nominasi.");
        ScoringTestData.Text(after, "[data-testid=assignment-notes]").ShouldBe("1 pasangan dilewati karena konflik kepentingan yang telah dinyatakan.");
        (await AssignmentsAsync(round)).ShouldBe(
        [
            $"PT Besar A | {memberName}",
            $"PT Besar B | {chairName}", $"PT Besar B | {memberName}",
            $"PT Besar C | {chairName}", $"PT Besar C | {memberName}",
        ]);
    }

    [Fact]
    public async Task Balanced_assignment_gives_each_nomination_k_scorers_least_loaded_first_under_the_cap_and_reports_the_rest()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        var extra = await data.CommitteeMemberAsync("Zulkarnain Penilai Tambahan");
        var nominations = new List<int>();
        foreach (var name in new[] { "PT Seimbang 1", "PT Seimbang 2", "PT Seimbang 3", "PT Seimbang 4", "PT Seimbang 5" })
        {
            nominations.Add(await data.NominationAsync(cycle, cycle.Large, name));
        }

        // The member may not score PT Seimbang 2.
        await data.ConflictAsync(nominations[1], ScoringTestData.Member, "Mantan karyawan.");
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var page = await chair.GetPageAsync(Page(round));
        var scorerIds = new[] { ScoringTestData.Chair, ScoringTestData.Member, extra };
        var ids = new List<string>();
        foreach (var email in scorerIds)
        {
            ids.Add((await data.UserIdAsync(email)).ToString());
        }

        // 5 nominations × 2 scorers = 10 assignments; with a cap of 3 per scorer only 9 fit.
        using var response = await chair.SubmitFormFieldsAsync(page, Page(round), "#balance-form",
            ids.Select(id => new KeyValuePair<string, string>("Balance.ScorerIds", id))
                .Concat([new("Balance.CategoryId", ScoringTestData.Id(cycle.Large)), new("Balance.PerNomination", "2"), new("Balance.Cap", "3")]));

        var after = await PortalClient.ParseAsync(await chair.FollowAsync(response));
        ScoringTestData.Status(after).ShouldBe("9 penugasan dibuat. 1 nominasi belum mendapat cukup penilai (batas beban atau konflik kepentingan):");
        after.QuerySelectorAll("[data-testid=assignment-notes] li").Select(PortalClient.Text).ShouldBe(["PT Seimbang 5: kurang 1 penilai."]);
        var perScorer = await data.RowsAsync("SELECT u.email, count(*) FROM assignments a JOIN users u ON u.id = a.scorer_id WHERE a.round_id = @r GROUP BY u.email ORDER BY u.email", ("r", round));
        perScorer.ShouldBe(new[] { $"{ScoringTestData.Member} | 3", $"{extra} | 3", $"{ScoringTestData.Chair} | 3" }.OrderBy(x => x, StringComparer.Ordinal).ToList());
        (await data.RowsAsync("SELECT count(*) FROM assignments WHERE round_id = @r GROUP BY nomination_id ORDER BY nomination_id", ("r", round)))
            .ShouldBe(["2", "2", "2", "2", "1"]);
        (await data.CountAsync("SELECT count(*) FROM assignments a JOIN users u ON u.id = a.scorer_id WHERE a.nomination_id = @n AND u.email = @e", ("n", nominations[1]), ("e", ScoringTestData.Member))).ShouldBe(0L);
        (await data.RowsAsync($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = 'assignment.created' AND entity_type = 'scoring-round' AND entity_id = @r", ("r", ScoringTestData.Id(round))))
            .ShouldBe([$"balanced: k=2, cap=3, category={cycle.Large}; 9 assignments"]);
    }

    [Fact]
    public async Task An_assignment_is_removed_with_its_draft_but_not_once_its_card_is_submitted()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large, locked: true);
        var round = await data.RoundAsync(cycle, "Wawancara", 100m, RoundStatus.Open, ["WAW"], kind: RoundKind.Interview);
        var drafted = await data.NominationAsync(cycle, cycle.Large, "PT Draf Dihapus");
        var submitted = await data.NominationAsync(cycle, cycle.Large, "PT Sudah Dikirim");
        await data.SubmittedCardAsync(round, submitted, ScoringTestData.Member, criteria, 75m, ("WAW1", 4m));
        await data.AssignAsync(round, drafted, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        (await member.SubmitFormAsync(ScoringTestData.Card(round, drafted), "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "2" }, "#save-button"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var page = await chair.GetPageAsync(Page(round));
        var rows = page.QuerySelectorAll("[data-testid=assignment-row]");
        rows.Select(r => PortalClient.Text(r.QuerySelector("[data-testid=card]"))).ShouldBe(["Draf", "Terkirim"]);
        rows[1].QuerySelector("form").ShouldBeNull();

        using (var removed = await chair.SubmitFormAsync(page, Page(round), "[data-testid=assignment-row] form", new Dictionary<string, string>()))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(removed))).ShouldBe("Penugasan telah dihapus.");
        }

        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", drafted))).ShouldBe(0L);
        var assignmentId = await data.ScalarAsync<int>("SELECT id FROM assignments WHERE nomination_id = @n", ("n", submitted));
        var token = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("#one-form")!).Where(f => f.Key == "__RequestVerificationToken");
        using var refused = await chair.PostFieldsAsync($"{Page(round)}?handler=Remove&assignmentId={assignmentId}", token);
        ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(refused))).ShouldBe("Penugasan ini tidak dapat dihapus karena kartu nilainya sudah dikirim.");
        (await AssignmentsAsync(round)).ShouldBe([$"PT Sudah Dikirim | {await data.UserNameAsync(ScoringTestData.Member)}"]);
    }

    [Fact]
    public async Task A_member_cannot_assign()
    {
        var cycle = await data.CycleAsync();
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var response = await member.GetAsync(Page(round));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ScoringTestData.ShouldBeAccessDenied(response);
    }

    [Fact]
    public async Task The_progress_dashboard_and_my_scoring_list_show_outstanding_cards()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large, locked: true);
        var round = await data.RoundAsync(cycle, "Wawancara", 100m, RoundStatus.Open, ["WAW"], kind: RoundKind.Interview);
        var done = await data.NominationAsync(cycle, cycle.Large, "PT Progres Selesai");
        var open1 = await data.NominationAsync(cycle, cycle.Large, "PT Progres Belum");
        var open2 = await data.NominationAsync(cycle, cycle.Large, "PT Progres Draf");
        await data.SubmittedCardAsync(round, done, ScoringTestData.Member, criteria, 50m, ("WAW1", 3m));
        await data.AssignAsync(round, open1, ScoringTestData.Member);
        await data.AssignAsync(round, open2, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        (await member.SubmitFormAsync(ScoringTestData.Card(round, open2), "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "2" }, "#save-button"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mine = await member.GetPageAsync("/Scoring");
        var rows = mine.QuerySelectorAll("[data-testid=outstanding-row]")
            .Where(r => PortalClient.Text(r.QuerySelector("[data-testid=round]")) == $"Wawancara ({cycle.YearText})")
            .Select(r => PortalClient.Text(r.QuerySelector("[data-testid=nomination]")) + " | " + PortalClient.Text(r.QuerySelector("[data-testid=card]")))
            .ToList();
        rows.ShouldBe(["PT Progres Belum | Belum dimulai", "PT Progres Draf | Draf"]);
        mine.QuerySelector($"a[href='/Scoring/Card?round={round}&nomination={open1}']").ShouldNotBeNull();

        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var progress = await chair.GetPageAsync("/Scoring/Progress?cycle=" + cycle.YearText);
        var memberName = await data.UserNameAsync(ScoringTestData.Member);
        var memberRow = progress.QuerySelectorAll("[data-testid=progress-row]").Single(r => PortalClient.Text(r.QuerySelector("[data-testid=scorer]")) == memberName);
        PortalClient.Text(memberRow.QuerySelector("[data-testid=cell]")).ShouldBe("1 / 3 (1 draf)");
        PortalClient.Text(memberRow.QuerySelector("[data-testid=outstanding]")).ShouldBe("2");
    }
}
