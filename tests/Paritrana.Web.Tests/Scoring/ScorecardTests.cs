using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// A committee member scores a candidate on their scorecard: drafts, refused values, submitting
/// with the exact total, hidden scores of others, two tabs saving the same card, a card not
/// assigned to them, a declared conflict, and the chair reopening a card with its history.
/// The round scores both aspects of the small criteria: KEP (60: KEP1 levels 50, KEP2 0–100 50)
/// and WAW (40: WAW1 levels 100).
/// </summary>
public class ScorecardTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string StaleMessage = "Kartu nilai ini sudah disimpan dari tab atau perangkat lain. Nilai yang tersimpan sekarang ditampilkan di bawah; isian Anda tidak disimpan. Periksa, lalu simpan lagi bila perlu.";

    private readonly ScoringTestData data = new(portal);

    private sealed record Setup(ScoringCycle Cycle, TestCriteria Criteria, int Round, int Nomination)
    {
        public string Url => ScoringTestData.Card(Round, Nomination);
    }

    private async Task<Setup> SetUpAsync(RoundStatus status = RoundStatus.Open, params string[] scorers)
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, status, ["KEP", "WAW"]);
        var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Kartu Nilai {Guid.NewGuid():N}"[..24]);
        await data.AssignAsync(round, nomination, scorers.Length == 0 ? [ScoringTestData.Member] : scorers);
        return new Setup(cycle, criteria, round, nomination);
    }

    private static Dictionary<string, string> Scores(string? kep1 = null, string? kep2 = null, string? waw1 = null)
    {
        var values = new Dictionary<string, string>();
        if (kep1 is not null)
        {
            values["Input.Scores[0].Value"] = kep1;
        }

        if (kep2 is not null)
        {
            values["Input.Scores[1].Value"] = kep2;
        }

        if (waw1 is not null)
        {
            values["Input.Scores[2].Value"] = waw1;
        }

        return values;
    }

    private static async Task<HttpResponseMessage> SaveAsync(PortalClient client, string url, Dictionary<string, string> values) =>
        await client.SubmitFormAsync(url, "#scorecard-form", values, "#save-button");

    /// <summary>"Kirim kartu nilai", then, when the confirmation step is shown, "Ya, kirim kartu nilai" (a refusal is returned as it is).</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, string url, Dictionary<string, string> values)
    {
        var first = await client.SubmitFormAsync(url, "#scorecard-form", values, "#submit-button");
        if (first.StatusCode != HttpStatusCode.OK)
        {
            return first;
        }

        var html = await first.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(html);
        if (page.QuerySelector("#confirm-form") is null)
        {
            first.Content = new StringContent(html);
            return first;
        }

        first.Dispose();
        return await client.SubmitFormAsync(page, url, "#confirm-form", new Dictionary<string, string>(), "#confirm-submit");
    }

    private async Task<List<string>> HistoryAsync(int nomination) => await data.RowsAsync(
        """
        SELECT h.event, coalesce(i.code, 'card'), coalesce(h.old_value::text, '-'), coalesce(h.new_value::text, '-'), h.card_status, coalesce(h.new_comment, '')
        FROM score_changes h JOIN scorecards c ON c.id = h.scorecard_id LEFT JOIN indicators i ON i.id = h.indicator_id
        WHERE c.nomination_id = @n ORDER BY h.id
        """, ("n", nomination));

    [Fact]
    public async Task The_scorecard_lists_the_aspects_of_the_round_with_indicators_rubric_as_labelled_radio_buttons_and_a_decimal_field()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        var page = await member.GetPageAsync(s.Url);

        page.QuerySelectorAll("[data-testid=aspect] > legend").Select(PortalClient.Text).ShouldBe(["KEP · Kepatuhan (bobot 60 %)", "WAW · Wawancara (bobot 40 %)"]);
        page.QuerySelectorAll("[data-testid=indicator]").Select(e => e.GetAttribute("data-code")).ShouldBe(["KEP1", "KEP2", "WAW1"]);
        PortalClient.Text(page.QuerySelector("label[for=ind-" + s.Criteria.Indicators["KEP1"] + "-4]")).ShouldBe("4 — Hampir semua.");
        page.QuerySelectorAll("input[name='Input.Scores[0].Value'][type=radio]").Select(r => r.GetAttribute("value")).ShouldBe(["1", "2", "3", "4", "5", ""]);
        var percent = page.QuerySelector<IHtmlInputElement>("input[name='Input.Scores[1].Value']")!;
        (percent.Type, percent.GetAttribute("inputmode"), percent.GetAttribute("min"), percent.GetAttribute("max")).ShouldBe(("number", "decimal", "0", "100"));
        PortalClient.Text(page.QuerySelector($"label[for={percent.Id}]")).ShouldBe("Nilai KEP2 (0–100)");
        ScoringTestData.Text(page, $"#ind-{s.Criteria.Indicators["KEP2"]}-guidance").ShouldBe("Bukti: Data kepesertaan per 31 Desember.");
        ScoringTestData.Text(page, "[data-testid=card-status]").ShouldBe("Belum dimulai");
    }

    [Fact]
    public async Task A_partial_draft_is_saved_with_its_history_and_locks_the_criteria()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var saved = await SaveAsync(member, s.Url, Scores(kep1: "4"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PortalClient.ParseAsync(await member.FollowAsync(saved));
        ScoringTestData.Status(page).ShouldBe("Draf kartu nilai tersimpan.");
        ScoringTestData.Text(page, "[data-testid=card-status]").ShouldBe("Draf");
        page.QuerySelector<IHtmlInputElement>($"#ind-{s.Criteria.Indicators["KEP1"]}-4")!.IsChecked.ShouldBeTrue();
        (await data.RowsAsync("SELECT status, coalesce(total::text, 'null'), criteria_set_id FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination)))
            .ShouldBe([$"1 | null | {s.Criteria.Id}"]);
        (await data.RowsAsync("SELECT i.code, s.value FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN scorecards c ON c.id = s.scorecard_id WHERE c.nomination_id = @n", ("n", s.Nomination)))
            .ShouldBe(["KEP1 | 4.00"]);
        (await HistoryAsync(s.Nomination)).ShouldBe(["saved | KEP1 | - | 4.00 | 1 | "]);
        (await data.ScalarAsync<bool>("SELECT is_locked FROM criteria_sets WHERE id = @id", ("id", s.Criteria.Id))).ShouldBeTrue();
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'scorecard.saved' AND entity_id = @n", ("n", ScoringTestData.Id(s.Nomination)))).ShouldBe(1L);
    }

    [Fact]
    public async Task Values_outside_the_scale_are_refused_per_indicator_and_nothing_is_saved()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var response = await SaveAsync(member, s.Url, Scores(kep1: "6", kep2: "100,5", waw1: "3"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Scores[0].Value']").ShouldBe("Nilai KEP1 harus salah satu tingkat 1 sampai 5.");
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Scores[1].Value']").ShouldBe("Nilai KEP2 harus angka antara 0 dan 100, paling banyak dua desimal (misalnya 87,5).");
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Scores[2].Value']").ShouldBe("");
        ScoringTestData.Errors(page).ShouldBe("Periksa kembali nilai yang ditandai; kartu nilai belum disimpan.");
        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination))).ShouldBe(0L);
    }

    [Fact]
    public async Task Submitting_with_unscored_indicators_is_refused_naming_them_and_nothing_is_saved()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var response = await SubmitAsync(member, s.Url, Scores(kep1: "4"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ScoringTestData.Errors(await PortalClient.ParseAsync(response))
            .ShouldBe("Kartu nilai belum dapat dikirim: indikator berikut belum dinilai: KEP2 Pekerja terdaftar; WAW1 Pemahaman pimpinan.");
        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination))).ShouldBe(0L);
    }

    [Fact]
    public async Task Submitting_stores_the_exact_total_and_locks_the_card()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        // KEP = 0.5 × 75 (level 4) + 0.5 × 33.33 = 54.165; WAW = 25 (level 2);
        // total = 60/100 × 54.165 + 40/100 × 25 = 32.499 + 10 = 42.499, shown as 42,50.
        using var submitted = await SubmitAsync(member, s.Url, Scores(kep1: "4", kep2: "33,33", waw1: "2"));

        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await PortalClient.ParseAsync(await member.FollowAsync(submitted));
        ScoringTestData.Status(page).ShouldBe("Kartu nilai telah dikirim. Total: 42,50.");
        ScoringTestData.Text(page, "[data-testid=card-status]").ShouldBe("Terkirim");
        page.QuerySelector("#submit-button").ShouldBeNull();
        page.QuerySelector("#save-button").ShouldBeNull();
        (await data.RowsAsync("SELECT status, total, submitted_at IS NOT NULL FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination)))
            .ShouldBe(["2 | 42.4990 | True"]);
        (await HistoryAsync(s.Nomination)).ShouldBe(
        [
            "submitted | KEP1 | - | 4.00 | 2 | ",
            "submitted | KEP2 | - | 33.33 | 2 | ",
            "submitted | WAW1 | - | 2.00 | 2 | ",
            "submitted | card | - | 42.50 | 2 | ",
        ]);

        // A submitted card is not changed by a form posted again.
        using var again = await member.PostFieldsAsync(
            s.Url + "&handler=Save",
            PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("#scorecard-form")!).Append(new("Input.Scores[0].Value", "1")).Append(new("Input.Scores[0].IndicatorId", ScoringTestData.Id(s.Criteria.Indicators["KEP1"]))));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.ScalarAsync<decimal>("SELECT s.value FROM scores s JOIN scorecards c ON c.id = s.scorecard_id WHERE c.nomination_id = @n AND s.indicator_id = @i",
            ("n", s.Nomination), ("i", s.Criteria.Indicators["KEP1"]))).ShouldBe(4m);
    }

    [Fact]
    public async Task A_submitted_card_appears_on_the_nomination_timeline_without_its_scores()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        using var submitted = await SubmitAsync(member, s.Url, Scores(kep1: "4", kep2: "33,33", waw1: "2"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var _ = await member.FollowAsync(submitted); // shows (and so consumes) the status message with the total

        var timeline = await member.GetPageAsync($"/FieldWork/Timeline/{s.Nomination}");
        var text = PortalClient.Text(timeline.QuerySelector("main"));
        text.ShouldContain("Kartu nilai diserahkan oleh penilai");
        text.ShouldNotContain("42,50");
    }

    [Fact]
    public async Task Others_scores_stay_hidden_until_the_scorer_has_submitted()
    {
        var s = await SetUpAsync(RoundStatus.Open, ScoringTestData.Chair, ScoringTestData.Member);
        var chairName = await data.UserNameAsync(ScoringTestData.Chair);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        // Chair: KEP = 0.5 × 100 + 0.5 × 80 = 90; WAW = 75; total = 0.6 × 90 + 0.4 × 75 = 84.
        (await SubmitAsync(chair, s.Url, Scores(kep1: "5", kep2: "80", waw1: "4"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var before = await member.GetPageAsync(s.Url);
        ScoringTestData.Text(before, "[data-testid=others-hidden]").ShouldBe("Nilai anggota lain disembunyikan sampai kartu nilai Anda dikirim.");
        before.QuerySelector("#others").ShouldBeNull();
        before.Body!.TextContent.ShouldNotContain(chairName);

        (await SubmitAsync(member, s.Url, Scores(kep1: "3", kep2: "50", waw1: "3"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await member.GetPageAsync(s.Url);
        after.QuerySelectorAll("#others thead th").Select(PortalClient.Text).ShouldBe(["Indikator", chairName]);
        after.QuerySelectorAll("#others tbody tr").Select(r => PortalClient.Text(r)).ShouldBe(["KEP1 5", "KEP2 80", "WAW1 4", "Total 84,00"]);
    }

    [Fact]
    public async Task When_the_cycle_does_not_hide_scores_submitted_ones_are_visible_before_submitting()
    {
        var s = await SetUpAsync(RoundStatus.Open, ScoringTestData.Chair, ScoringTestData.Member);
        await data.SettingsAsync(s.Cycle, RoundAggregation.Mean, hideOthers: false);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        (await SubmitAsync(chair, s.Url, Scores(kep1: "5", kep2: "80", waw1: "4"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        var page = await member.GetPageAsync(s.Url);

        ScoringTestData.Text(page, "[data-testid=others-total]").ShouldBe("Total 84,00");
    }

    [Fact]
    public async Task A_save_from_a_second_tab_with_the_same_version_is_refused_and_the_first_values_are_kept_and_shown()
    {
        var s = await SetUpAsync();
        using var tabA = await data.SignedInAsync(ScoringTestData.Member);
        using var tabB = await data.SignedInAsync(ScoringTestData.Member);
        (await SaveAsync(tabA, s.Url, Scores(kep1: "3"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var pageA = await tabA.GetPageAsync(s.Url);
        var pageB = await tabB.GetPageAsync(s.Url);
        pageB.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value.ShouldBe(pageA.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value);
        using (var first = await tabA.SubmitFormAsync(pageA, s.Url, "#scorecard-form", Scores(kep1: "4"), "#save-button"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = await tabB.SubmitFormAsync(pageB, s.Url, "#scorecard-form", Scores(kep1: "2", kep2: "50"), "#save-button");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await PortalClient.ParseAsync(second);
        ScoringTestData.Errors(refused).ShouldBe(StaleMessage);
        refused.QuerySelector<IHtmlInputElement>($"#ind-{s.Criteria.Indicators["KEP1"]}-4")!.IsChecked.ShouldBeTrue();
        refused.QuerySelector<IHtmlInputElement>("input[name='Input.Scores[1].Value']")!.Value.ShouldBe("");
        refused.QuerySelectorAll("[data-testid=unsaved]").Select(PortalClient.Text).ShouldBe(["Isian Anda yang tidak tersimpan: 2", "Isian Anda yang tidak tersimpan: 50"]);
        (await data.RowsAsync("SELECT i.code, s.value FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN scorecards c ON c.id = s.scorecard_id WHERE c.nomination_id = @n", ("n", s.Nomination)))
            .ShouldBe(["KEP1 | 4.00"]);
        (await HistoryAsync(s.Nomination)).ShouldBe(["saved | KEP1 | - | 3.00 | 1 | ", "saved | KEP1 | 3.00 | 4.00 | 1 | "]);

        // The refused page carries the current version: saving it again works.
        using var retry = await tabB.SubmitFormAsync(refused, s.Url, "#scorecard-form", Scores(kep2: "50"), "#save-button");
        retry.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HistoryAsync(s.Nomination)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Two_tabs_creating_the_same_new_card_the_second_is_refused()
    {
        var s = await SetUpAsync();
        using var tabA = await data.SignedInAsync(ScoringTestData.Member);
        using var tabB = await data.SignedInAsync(ScoringTestData.Member);
        var pageA = await tabA.GetPageAsync(s.Url);
        var pageB = await tabB.GetPageAsync(s.Url);

        (await tabA.SubmitFormAsync(pageA, s.Url, "#scorecard-form", Scores(kep1: "5"), "#save-button")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var second = await tabB.SubmitFormAsync(pageB, s.Url, "#scorecard-form", Scores(kep1: "1"), "#save-button");

        ScoringTestData.Errors(await PortalClient.ParseAsync(second)).ShouldBe(StaleMessage);
        (await HistoryAsync(s.Nomination)).ShouldBe(["saved | KEP1 | - | 5.00 | 1 | "]);
    }

    [Fact]
    public async Task A_member_opening_or_saving_a_card_not_assigned_to_them_gets_404()
    {
        var s = await SetUpAsync(RoundStatus.Open, ScoringTestData.Chair);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var other = await data.NominationAsync(s.Cycle, s.Cycle.Large, "PT Ditugaskan ke Anggota");
        await data.AssignAsync(s.Round, other, ScoringTestData.Member);
        var ownPage = await member.GetPageAsync(ScoringTestData.Card(s.Round, other));
        var fields = PortalClient.ReadForm(ownPage.QuerySelector<IHtmlFormElement>("#scorecard-form")!);

        using (var get = await member.GetAsync(s.Url))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var post = await member.PostFieldsAsync(s.Url + "&handler=Submit", fields))
        {
            post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination))).ShouldBe(0L);
    }

    [Fact]
    public async Task A_scorer_who_declared_a_conflict_cannot_open_or_save_the_card()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var page = await member.GetPageAsync(s.Url);
        var fields = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("#scorecard-form")!);

        var declareUrl = page.QuerySelector("[data-testid=declare-conflict]")!.GetAttribute("href")!;
        using (var declared = await member.SubmitFormAsync(declareUrl, "#declare-form", new Dictionary<string, string> { ["Input.Reason"] = "Saudara kandung bekerja di perusahaan ini." }))
        {
            declared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var blocked = await member.GetPageAsync(s.Url);
        ScoringTestData.Text(blocked, "[data-testid=conflict]").ShouldBe(
            "Anda telah menyatakan konflik kepentingan dengan nominasi ini, sehingga tidak dapat menilainya. Alasan yang Anda nyatakan: Saudara kandung bekerja di perusahaan ini.");
        blocked.QuerySelector("#scorecard-form").ShouldBeNull();

        using var save = await member.PostFieldsAsync(s.Url + "&handler=Save", fields.Where(f => f.Key != "Input.Scores[0].Value").Append(new("Input.Scores[0].Value", "5")));
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(save)))
            .ShouldStartWith("Anda telah menyatakan konflik kepentingan dengan nominasi ini, sehingga tidak dapat menilainya.");
        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination))).ShouldBe(0L);
        (await data.RowsAsync("SELECT reason FROM conflict_declarations WHERE nomination_id = @n", ("n", s.Nomination))).ShouldBe(["Saudara kandung bekerja di perusahaan ini."]);
    }

    [Fact]
    public async Task The_chair_reopens_a_submitted_card_with_a_reason_and_its_history_is_kept()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        (await SaveAsync(member, s.Url, Scores(kep1: "3"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // KEP = 0.5 × 75 + 0.5 × 90 = 82.5; WAW = 100; total = 0.6 × 82.5 + 0.4 × 100 = 89.5.
        (await SubmitAsync(member, s.Url, Scores(kep1: "4", kep2: "90", waw1: "5"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cardId = await data.ScalarAsync<int>("SELECT id FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination));
        var historyUrl = $"/Scoring/CardHistory/{cardId}";

        using (var noReason = await chair.SubmitFormAsync(historyUrl, "#reopen-form", new Dictionary<string, string> { ["Input.Reason"] = " " }))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
            ScoringTestData.Text(await PortalClient.ParseAsync(noReason), "[data-valmsg-for='Input.Reason']").ShouldBe("Alasan membuka kembali wajib diisi.");
        }

        using var reopened = await chair.SubmitFormAsync(historyUrl, "#reopen-form", new Dictionary<string, string> { ["Input.Reason"] = "KEP2 salah ketik, mohon diperiksa." });

        reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var history = await PortalClient.ParseAsync(await chair.FollowAsync(reopened));
        ScoringTestData.Status(history).ShouldBe($"Kartu nilai {await data.UserNameAsync(ScoringTestData.Member)} untuk {await data.ScalarAsync<string>("SELECT o.name FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE n.id = @n", ("n", s.Nomination))} telah dibuka kembali; penilai dapat mengubah dan mengirimnya lagi.");
        history.QuerySelectorAll("[data-testid=history-row]").Count.ShouldBe(6);
        history.QuerySelector("#reopen-form").ShouldBeNull();
        (await data.RowsAsync("SELECT status, coalesce(total::text, 'null'), reopen_reason FROM scorecards WHERE id = @id", ("id", cardId)))
            .ShouldBe(["1 | null | KEP2 salah ketik, mohon diperiksa."]);
        (await HistoryAsync(s.Nomination)).ShouldBe(
        [
            "saved | KEP1 | - | 3.00 | 1 | ",
            "submitted | KEP1 | 3.00 | 4.00 | 2 | ",
            "submitted | KEP2 | - | 90.00 | 2 | ",
            "submitted | WAW1 | - | 5.00 | 2 | ",
            "submitted | card | - | 89.50 | 2 | ",
            "reopened | card | 89.50 | - | 1 | KEP2 salah ketik, mohon diperiksa.",
        ]);
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'scorecard.reopened' AND entity_id = @n", ("n", ScoringTestData.Id(s.Nomination)))).ShouldBe(1L);

        var card = await member.GetPageAsync(s.Url);
        ScoringTestData.Text(card, "[data-testid=reopen-note]").ShouldBe("Ketua membuka kembali kartu nilai ini: KEP2 salah ketik, mohon diperiksa.");
        card.QuerySelector("#submit-button").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_member_cannot_see_a_cards_history_or_reopen_it()
    {
        var s = await SetUpAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        (await SubmitAsync(member, s.Url, Scores(kep1: "4", kep2: "90", waw1: "5"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cardId = await data.ScalarAsync<int>("SELECT id FROM scorecards WHERE nomination_id = @n", ("n", s.Nomination));

        using var response = await member.GetAsync($"/Scoring/CardHistory/{cardId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ScoringTestData.ShouldBeAccessDenied(response);
    }
}
