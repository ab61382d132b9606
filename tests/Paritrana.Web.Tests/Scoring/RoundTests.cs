using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The chair sets up the scoring rounds of the province: the three default rounds with one
/// button or rounds of their own, edits them while they are drafts, opens and closes them. A
/// closed round is read-only; members see rounds but do not change them.
/// </summary>
public class RoundTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    private static string Rounds(ScoringCycle cycle) => "/Scoring/Rounds?cycle=" + cycle.YearText;

    private static readonly string[] RoundColumns = ["name", "weight", "aspects", "status"];

    private static List<string> RoundRows(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=round-row]")
            .Select(r => string.Join(" | ", RoundColumns.Select(t => PortalClient.Text(r.QuerySelector($"[data-testid={t}]")))))
            .ToList();

    [Fact]
    public async Task The_chair_creates_the_three_default_rounds_with_one_button_and_members_see_them()
    {
        var cycle = await data.CycleAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        using var created = await chair.SubmitFormAsync(Rounds(cycle), "#defaults-form", new Dictionary<string, string>());

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PortalClient.ParseAsync(await chair.FollowAsync(created));
        ScoringTestData.Status(page).ShouldBe("Tiga babak bawaan telah dibuat: Penilaian Dokumen (40), Kunjungan Lapangan (35) dan Wawancara (25).");
        List<string> expected =
        [
            // The aspects by their names (issue 15), in the order of their codes ANG, DIG, INO, KEP, KIN, REG.
            "Penilaian Dokumen | 40 | Anggaran, Komitmen digital dan kepedulian, Inovasi, Kepatuhan, Kinerja cakupan kepesertaan, Regulasi | Draf",
            "Kunjungan Lapangan | 35 | Anggaran, Komitmen digital dan kepedulian, Inovasi, Kepatuhan, Kinerja cakupan kepesertaan, Regulasi | Draf",
            "Wawancara | 25 | Wawancara | Draf",
        ];
        RoundRows(page).ShouldBe(expected);
        page.QuerySelector("[data-testid=weight-warning]").ShouldBeNull();
        ScoringTestData.Text(page, "[data-testid=weight-sum]").ShouldBe("100");

        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var seen = await member.GetPageAsync(Rounds(cycle));
        RoundRows(seen).ShouldBe(expected);
        seen.QuerySelector("[data-testid=add-round]").ShouldBeNull();

        using var again = await chair.PostFieldsAsync(Rounds(cycle) + "&handler=Defaults", PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("form[method=post]:not(.language-switch)")!));
        (await data.CountAsync("SELECT count(*) FROM scoring_rounds WHERE cycle_id = @c", ("c", cycle.Id))).ShouldBe(3L);
    }

    [Fact]
    public async Task Round_weights_that_do_not_add_up_to_100_are_warned_about()
    {
        var cycle = await data.CycleAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        await data.RoundAsync(cycle, "Penilaian Dokumen", 60m, RoundStatus.Draft, ["KEP"]);

        using var created = await chair.SubmitFormFieldsAsync(await chair.GetPageAsync("/Scoring/Rounds/Edit?cycle=" + cycle.YearText), "/Scoring/Rounds/Edit?cycle=" + cycle.YearText, "#round-form",
        [
            new("Input.Name", "Wawancara Pimpinan"), new("Input.Kind", "Interview"), new("Input.Weight", "50,5"), new("Input.SortOrder", "2"), new("Input.AspectCodes", "WAW"),
        ]);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PortalClient.ParseAsync(await chair.FollowAsync(created));
        ScoringTestData.Status(page).ShouldBe("Babak Wawancara Pimpinan telah ditambahkan.");
        ScoringTestData.Text(page, "[data-testid=weight-warning]").ShouldBe(
            "Jumlah bobot babak sekarang 110,5, seharusnya 100. Total nilai tetap dihitung dengan bobot relatif (setiap bobot dibagi jumlahnya), tetapi periksa kembali bobot babak sebelum penilaian dibuka.");
        (await data.RowsAsync("SELECT r.name, r.kind, r.weight, r.sort_order, a.aspect_code FROM scoring_rounds r JOIN round_aspects a ON a.round_id = r.id WHERE r.cycle_id = @c AND r.name = 'Wawancara Pimpinan'", ("c", cycle.Id)))
            .ShouldBe(["Wawancara Pimpinan | 3 | 50.50 | 2 | WAW"]);
    }

    [Fact]
    public async Task A_round_without_a_name_weight_or_aspect_is_refused()
    {
        var cycle = await data.CycleAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var url = "/Scoring/Rounds/Edit?cycle=" + cycle.YearText;

        using var response = await chair.SubmitFormFieldsAsync(await chair.GetPageAsync(url), url, "#round-form",
            [new("Input.Name", ""), new("Input.Weight", "0"), new("Input.SortOrder", "1")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Name']").ShouldBe("Nama babak wajib diisi.");
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Weight']").ShouldBe("Bobot harus di atas 0 dan paling banyak 100, dengan paling banyak dua desimal.");
        ScoringTestData.Text(page, "[data-valmsg-for='Input.AspectCodes']").ShouldBe("Pilih sekurang-kurangnya satu aspek yang dinilai di babak ini.");
        (await data.CountAsync("SELECT count(*) FROM scoring_rounds WHERE cycle_id = @c", ("c", cycle.Id))).ShouldBe(0L);
    }

    [Fact]
    public async Task The_chair_opens_and_closes_a_round_and_a_closed_round_is_not_opened_again_or_edited()
    {
        var cycle = await data.CycleAsync();
        var round = await data.RoundAsync(cycle, "Kunjungan Lapangan", 100m, RoundStatus.Draft, ["KEP"]);
        var url = $"/Scoring/Rounds/Details/{round}";
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        using (var opened = await chair.SubmitFormAsync(url, "#open-form", new Dictionary<string, string>()))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(opened))).ShouldBe("Babak Kunjungan Lapangan telah dibuka; penilai dapat mengisi kartu nilai.");
        }

        (await data.RowsAsync("SELECT status, opened_at IS NOT NULL FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(["2 | True"]);
        var openPage = await chair.GetPageAsync(url);
        openPage.QuerySelector("#close-form")!.GetAttribute("data-confirm").ShouldBe("Tutup babak Kunjungan Lapangan? Setelah ditutup, kartu nilainya hanya dapat dibaca dan babak tidak dapat dibuka lagi.");

        using (var closed = await chair.SubmitFormAsync(openPage, url, "#close-form", new Dictionary<string, string>()))
        {
            var page = await PortalClient.ParseAsync(await chair.FollowAsync(closed));
            ScoringTestData.Status(page).ShouldBe("Babak Kunjungan Lapangan telah ditutup; kartu nilainya kini hanya dapat dibaca.");
            ScoringTestData.Text(page, "[data-testid=status]").ShouldBe("Ditutup");
            page.QuerySelector("#open-form").ShouldBeNull();
        }

        // Posting the old open form again is refused.
        using (var reopen = await chair.PostFieldsAsync(url + "?handler=Open", PortalClient.ReadForm(openPage.QuerySelector<IHtmlFormElement>("#close-form")!)))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(reopen)))
                .ShouldBe("Hanya babak berstatus draf yang dapat dibuka; babak yang sudah ditutup tidak dibuka lagi.");
        }

        using (var edit = await chair.GetAsync($"/Scoring/Rounds/Edit/{round}"))
        {
            edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await data.ScalarAsync<int>("SELECT status FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(3);
        (await data.RowsAsync("SELECT action FROM audit_events WHERE entity_type = 'scoring-round' AND entity_id = @id ORDER BY id", ("id", ScoringTestData.Id(round))))
            .ShouldBe(["round.opened", "round.closed"]);
    }

    [Fact]
    public async Task Only_the_chair_opens_or_closes_rounds()
    {
        var cycle = await data.CycleAsync();
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Draft, ["KEP"]);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var page = await member.GetPageAsync($"/Scoring/Rounds/Details/{round}");
        page.QuerySelector("#open-form").ShouldBeNull();
        var token = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("form[method=post]")!).Where(f => f.Key == "__RequestVerificationToken").ToList();

        using var open = await member.PostFieldsAsync($"/Scoring/Rounds/Details/{round}?handler=Open", token.Append(new("version", "0")));
        using var edit = await member.GetAsync($"/Scoring/Rounds/Edit/{round}");

        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ScoringTestData.ShouldBeAccessDenied(open);
        ScoringTestData.ShouldBeAccessDenied(edit);
        (await data.ScalarAsync<int>("SELECT status FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(1);
    }

    [Fact]
    public async Task In_a_closed_round_cards_are_read_only_and_cannot_be_saved_or_reopened()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large, locked: true);
        var round = await data.RoundAsync(cycle, "Wawancara", 100m, RoundStatus.Closed, ["WAW"], kind: RoundKind.Interview);
        var nomination = await data.NominationAsync(cycle, cycle.Large, "PT Babak Tertutup");
        var draft = await data.NominationAsync(cycle, cycle.Large, "PT Draf Tertutup");
        await data.SubmittedCardAsync(round, nomination, ScoringTestData.Member, criteria, 75m, ("WAW1", 4m));
        await data.AssignAsync(round, draft, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await member.GetPageAsync(ScoringTestData.Card(round, draft));
        ScoringTestData.Text(page, "[data-testid=round-note]").ShouldBe("Babak ini sudah ditutup; kartu nilai hanya dapat dibaca.");
        page.QuerySelector("#save-button").ShouldBeNull();
        page.QuerySelector("#scorecard-form fieldset")!.HasAttribute("disabled").ShouldBeTrue();
        var fields = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("#scorecard-form")!)
            .Append(new("Input.Scores[0].IndicatorId", ScoringTestData.Id(criteria.Indicators["WAW1"]))).Append(new("Input.Scores[0].Value", "5"));
        using (var save = await member.PostFieldsAsync(ScoringTestData.Card(round, draft) + "&handler=Save", fields))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(save))).ShouldBe("Babak ini sudah ditutup; kartu nilai hanya dapat dibaca.");
        }

        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", draft))).ShouldBe(0L);

        var cardId = await data.ScalarAsync<int>("SELECT id FROM scorecards WHERE nomination_id = @n", ("n", nomination));
        var history = await chair.GetPageAsync($"/Scoring/CardHistory/{cardId}");
        history.QuerySelector("#reopen-form").ShouldBeNull();
        var token = PortalClient.ReadForm(history.QuerySelector<IHtmlFormElement>("form[method=post]")!).Where(f => f.Key == "__RequestVerificationToken");
        using var reopen = await chair.PostFieldsAsync($"/Scoring/CardHistory/{cardId}?handler=Reopen", token.Append(new("Input.Reason", "Mohon ulang")).Append(new("Input.Version", "0")));
        ScoringTestData.Errors(await PortalClient.ParseAsync(reopen)).ShouldBe("Babak ini tidak sedang dibuka; kartu nilai tidak dapat dibuka kembali.");
        (await data.ScalarAsync<int>("SELECT status FROM scorecards WHERE id = @id", ("id", cardId))).ShouldBe(2);
    }
}
