using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// A round's closing date: the chair sets it on the round form (optional, not in the past), and it is
/// shown in id-ID on the round pages and on the member's scoring list.
/// </summary>
public class RoundClosingDateTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    [Fact]
    public async Task The_chair_sets_a_closing_date_that_the_round_pages_and_the_members_list_show()
    {
        var cycle = await data.CycleAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var url = "/Scoring/Rounds/Edit?cycle=" + cycle.YearText;

        using var created = await chair.SubmitFormFieldsAsync(await chair.GetPageAsync(url), url, "#round-form",
        [
            new("Input.Name", "Penilaian Tenggat"), new("Input.Kind", "Documents"), new("Input.Weight", "100"), new("Input.SortOrder", "1"),
            new("Input.ClosesOn", "2099-03-15"), new("Input.AspectCodes", "KEP"),
        ]);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await PortalClient.ParseAsync(await chair.FollowAsync(created));
        var round = await data.ScalarAsync<int>("SELECT id FROM scoring_rounds WHERE cycle_id = @c AND name = 'Penilaian Tenggat'", ("c", cycle.Id));
        (await data.RowsAsync("SELECT closes_on::text FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(["2099-03-15"]);
        PortalClient.Text(list.QuerySelectorAll("[data-testid=round-row]")
            .Single(r => PortalClient.Text(r.QuerySelector("[data-testid=name]")) == "Penilaian Tenggat")
            .QuerySelector("[data-testid=closes-on]")).ShouldBe("15 Mar 2099");
        ScoringTestData.Text(await chair.GetPageAsync($"/Scoring/Rounds/Details/{round}"), "[data-testid=closes-on]").ShouldBe("15 Mar 2099");
        (await data.ScalarAsync<string>("SELECT details::text FROM audit_events WHERE entity_type = 'scoring-round' AND entity_id = @id", ("id", ScoringTestData.Id(round))))!
            .ShouldContain("closes 2099-03-15");

        // The edit form shows the stored date, and clearing it is allowed.
        var edit = await chair.GetPageAsync($"/Scoring/Rounds/Edit/{round}");
        edit.QuerySelector("#Input_ClosesOn")!.GetAttribute("value").ShouldBe("2099-03-15");

        // Opened and assigned, the round's closing date is on the member's scoring list.
        await TestDatabase.ExecuteAsync($"UPDATE scoring_rounds SET status = 2 WHERE id = {round}", portal.Database);
        var nomination = await data.NominationAsync(cycle, cycle.Large, "PT Tenggat Kartu");
        await data.AssignAsync(round, nomination, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var mine = await member.GetPageAsync("/Scoring");
        mine.QuerySelectorAll("[data-testid=outstanding-row]")
            .Where(r => PortalClient.Text(r.QuerySelector("[data-testid=nomination]")) == "PT Tenggat Kartu")
            .Select(r => PortalClient.Text(r.QuerySelector("[data-testid=closes-on]")))
            .ShouldBe(["15 Mar 2099"]);
    }

    [Fact]
    public async Task A_closing_date_in_the_past_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var cycle = await data.CycleAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var url = "/Scoring/Rounds/Edit?cycle=" + cycle.YearText;

        using var response = await chair.SubmitFormFieldsAsync(await chair.GetPageAsync(url), url, "#round-form",
        [
            new("Input.Name", "Penilaian Lampau"), new("Input.Kind", "Documents"), new("Input.Weight", "100"), new("Input.SortOrder", "1"),
            new("Input.ClosesOn", "2020-01-31"), new("Input.AspectCodes", "KEP"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        ScoringTestData.Text(page, "[data-valmsg-for='Input.ClosesOn']").ShouldBe("Tanggal penutupan tidak boleh sebelum hari ini.");
        (await data.CountAsync("SELECT count(*) FROM scoring_rounds WHERE cycle_id = @c", ("c", cycle.Id))).ShouldBe(0L);
    }

    [Fact]
    public async Task The_chair_moves_the_closing_date_of_an_open_round_and_chooses_to_refuse_late_cards()
    {
        var cycle = await data.CycleAsync();
        var round = await data.RoundAsync(cycle, "Penilaian Terbuka", 100m, RoundStatus.Open, ["KEP"]);
        var url = $"/Scoring/Rounds/Details/{round}";
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        // A date in the past is refused beside the field, and nothing changes.
        using (var refused = await chair.SubmitFormAsync(url, "#deadline-form", new Dictionary<string, string> { ["closesOn"] = "2020-01-31" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            ScoringTestData.Text(await PortalClient.ParseAsync(refused), "[data-valmsg-for=closesOn]").ShouldBe("Tanggal penutupan tidak boleh sebelum hari ini.");
        }

        (await data.RowsAsync("SELECT coalesce(closes_on::text, 'null'), refuse_late_cards FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(["null | False"]);

        using (var saved = await chair.SubmitFormAsync(url, "#deadline-form", new Dictionary<string, string> { ["closesOn"] = "2099-04-01", ["refuseLateCards"] = "true" }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var page = await PortalClient.ParseAsync(await chair.FollowAsync(saved));
            ScoringTestData.Status(page).ShouldBe("Tanggal penutupan babak Penilaian Terbuka telah disimpan.");
            ScoringTestData.Text(page, "[data-testid=closes-on]").ShouldBe("1 Apr 2099");
            ScoringTestData.Text(page, "[data-testid=late-cards]").ShouldBe("Kartu nilai yang dikirim setelah tanggal ini ditolak.");
        }

        (await data.RowsAsync("SELECT closes_on::text, refuse_late_cards FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(["2099-04-01 | True"]);
        (await data.RowsAsync("SELECT action, details->1->>'value' FROM audit_events WHERE entity_type = 'scoring-round' AND entity_id = @id", ("id", ScoringTestData.Id(round))))
            .ShouldBe(["round.updated | - -> 2099-04-01 (late cards refused)"]);
    }

    [Fact]
    public async Task A_forged_value_of_the_late_cards_checkbox_is_reported_beside_the_checkbox_not_the_date()
    {
        var cycle = await data.CycleAsync();
        var round = await data.RoundAsync(cycle, "Penilaian Centang", 100m, RoundStatus.Open, ["KEP"]);
        var url = $"/Scoring/Rounds/Details/{round}";
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        // Posted with the form's antiforgery token; "abc" is neither yes nor no.
        using (var refused = await chair.SubmitFormAsync(url, "#deadline-form", new Dictionary<string, string> { ["closesOn"] = "2099-05-02", ["refuseLateCards"] = "abc" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(refused);
            ScoringTestData.Text(page, "[data-valmsg-for=refuseLateCards]")
                .ShouldBe("Nilai 'abc' tidak valid untuk Tolak kartu nilai yang dikirim setelah tanggal penutupan.");
            ScoringTestData.Text(page, "[data-valmsg-for=closesOn]").ShouldBe("");
            page.QuerySelector("#refuseLateCards")!.GetAttribute("aria-describedby").ShouldBe("refuseLateCards-error");
        }

        (await data.RowsAsync("SELECT coalesce(closes_on::text, 'null'), refuse_late_cards FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(["null | False"]);
    }
}
