using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The administrator keeps the criteria of each category: from the default template or copied
/// from the previous cycle, weights checked at both levels, changed in place until scoring starts
/// and as a new version afterwards, while existing scorecards keep their version.
/// </summary>
public class CriteriaAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string StaleMessage = "Kriteria ini baru saja diubah, oleh administrator lain atau karena penilaian dengan kriteria ini sudah dimulai. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi perubahan Anda.";

    private readonly ScoringTestData data = new(portal);

    private static string Edit(int id) => $"/Admin/Criteria/Edit/{id}";

    private static IElement Row(IHtmlDocument page, string code) => page.QuerySelector($"[data-testid=criteria-row][data-category={code}]")!;

    private async Task<List<string>> AspectsAsync(int setId) => await data.RowsAsync(
        "SELECT a.code, a.weight, string_agg(i.code || ' ' || i.weight, ', ' ORDER BY i.sort_order) FROM aspects a JOIN indicators i ON i.aspect_id = a.id WHERE a.criteria_set_id = @s GROUP BY a.id ORDER BY a.sort_order",
        ("s", setId));

    private async Task<int> TemplateSetAsync(ScoringCycle cycle, string code, CategoryKind kind)
    {
        await using var db = data.NewContext();
        var set = CriteriaTemplates.Build(cycle.Id, cycle.Categories[code], kind, DateTimeOffset.UtcNow);
        db.CriteriaSets.Add(set);
        await db.SaveChangesAsync();
        return set.Id;
    }

    [Fact]
    public async Task The_administrator_creates_a_categorys_criteria_from_the_default_template()
    {
        var cycle = await data.CycleAsync();
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);
        var index = await admin.GetPageAsync("/Admin/Criteria?cycle=" + cycle.YearText);
        PortalClient.Text(Row(index, "PEMPROV").QuerySelector("[data-testid=state]")).ShouldBe("Belum ada kriteria");

        using var created = await admin.SubmitFormAsync(index, "/Admin/Criteria", "[data-category=PEMPROV] [data-testid=create-form]", new Dictionary<string, string>());

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setId = await data.ScalarAsync<int>("SELECT id FROM criteria_sets WHERE category_id = @c", ("c", cycle.Categories["PEMPROV"]));
        created.Headers.Location!.OriginalString.ShouldBe(Edit(setId));
        var page = await PortalClient.ParseAsync(await admin.FollowAsync(created));
        ScoringTestData.Status(page).ShouldBe("Kriteria Pemerintah Provinsi dibuat dari templat bawaan.");
        page.QuerySelectorAll("[data-testid=aspect]").Length.ShouldBe(5);
        (await AspectsAsync(setId)).ShouldBe(
        [
            "REG | 30.00 | REG1 50.00, REG2 25.00, REG3 25.00",
            "ANG | 20.00 | ANG1 50.00, ANG2 50.00",
            "INO | 15.00 | INO1 60.00, INO2 40.00",
            "KIN | 20.00 | KIN1 40.00, KIN2 40.00, KIN3 20.00",
            "WAW | 15.00 | WAW1 30.00, WAW2 40.00, WAW3 30.00",
        ]);
        (await data.RowsAsync("SELECT version_number, is_current, is_locked FROM criteria_sets WHERE id = @s", ("s", setId))).ShouldBe(["1 | True | False"]);
        var after = await admin.GetPageAsync("/Admin/Criteria?cycle=" + cycle.YearText);
        PortalClient.Text(Row(after, "PEMPROV").QuerySelector("[data-testid=state]")).ShouldBe("Lengkap");
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_to_100_are_refused_with_the_sums_and_nothing_is_saved()
    {
        var cycle = await data.CycleAsync();
        var setId = await TemplateSetAsync(cycle, "PEMPROV", CategoryKind.ProvincialGovernment);
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);

        using var response = await admin.SubmitFormAsync(Edit(setId), "#criteria-form", new Dictionary<string, string>
        {
            ["Input.Aspects[0].Weight"] = "20",
            ["Input.Aspects[0].Indicators[0].Weight"] = "49,5",
            ["Input.Aspects[1].Indicators[1].Weight"] = "lima puluh",
        }, "[data-testid=save]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Aspects[1].Indicators[1].Weight']").ShouldBe("Bobot harus berupa angka, misalnya 25 atau 12,5.");

        using var sums = await admin.SubmitFormAsync(Edit(setId), "#criteria-form", new Dictionary<string, string>
        {
            ["Input.Aspects[0].Weight"] = "20",
            ["Input.Aspects[0].Indicators[0].Weight"] = "49,5",
        }, "[data-testid=save]");

        sums.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await PortalClient.ParseAsync(sums);
        refused.QuerySelectorAll("[data-testid=criteria-problems] li").Select(PortalClient.Text).ShouldBe(
            ["Jumlah bobot aspek harus 100; sekarang 90.", "Jumlah bobot indikator aspek Regulasi harus 100; sekarang 99,5."]);
        ScoringTestData.Text(refused, "[data-testid=aspect-sum]").ShouldBe("Jumlah bobot aspek: 90 (harus 100)");
        (await AspectsAsync(setId))[0].ShouldBe("REG | 30.00 | REG1 50.00, REG2 25.00, REG3 25.00");
    }

    [Fact]
    public async Task Criteria_not_yet_used_are_changed_in_place()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);

        using var saved = await admin.SubmitFormAsync(Edit(criteria.Id), "#criteria-form", new Dictionary<string, string>
        {
            ["Input.Aspects[0].Weight"] = "70",
            ["Input.Aspects[1].Weight"] = "30",
            ["Input.Aspects[0].Indicators[1].Name"] = "Seluruh pekerja terdaftar",
        }, "[data-testid=save]");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe(Edit(criteria.Id));
        ScoringTestData.Status(await PortalClient.ParseAsync(await admin.FollowAsync(saved))).ShouldBe("Kriteria Perusahaan Besar telah disimpan.");
        (await AspectsAsync(criteria.Id)).ShouldBe(["KEP | 70.00 | KEP1 50.00, KEP2 50.00", "WAW | 30.00 | WAW1 100.00"]);
        (await data.RowsAsync("SELECT version_number, is_current FROM criteria_sets WHERE category_id = @c", ("c", cycle.Large))).ShouldBe(["1 | True"]);
        (await data.ScalarAsync<string>("SELECT name FROM indicators WHERE code = 'KEP2' AND aspect_id IN (SELECT id FROM aspects WHERE criteria_set_id = @s)", ("s", criteria.Id)))
            .ShouldBe("Seluruh pekerja terdaftar");
    }

    [Fact]
    public async Task Once_a_scorecard_uses_the_criteria_a_change_makes_version_2_and_existing_cards_keep_version_1()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP", "WAW"]);
        var first = await data.NominationAsync(cycle, cycle.Large, "PT Versi Satu");
        var second = await data.NominationAsync(cycle, cycle.Large, "PT Versi Dua");
        await data.AssignAsync(round, first, ScoringTestData.Member);
        await data.AssignAsync(round, second, ScoringTestData.Member);
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var editPage = await admin.GetPageAsync(Edit(criteria.Id));
        editPage.QuerySelector("[data-testid=locked]").ShouldBeNull();

        (await member.SubmitFormAsync(ScoringTestData.Card(round, first), "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "4" }, "#save-button"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The form read before scoring started is now stale: refused.
        using (var stale = await admin.SubmitFormAsync(editPage, Edit(criteria.Id), "#criteria-form", new Dictionary<string, string> { ["Input.Aspects[0].Weight"] = "50", ["Input.Aspects[1].Weight"] = "50" }, "[data-testid=save]"))
        {
            ScoringTestData.Errors(await PortalClient.ParseAsync(stale)).ShouldBe(StaleMessage);
        }

        var lockedPage = await admin.GetPageAsync(Edit(criteria.Id));
        ScoringTestData.Text(lockedPage, "[data-testid=locked-note]").ShouldBe("Kriteria ini sudah dipakai oleh 1 kartu nilai. Perubahan akan disimpan sebagai versi 2; kartu nilai yang sudah ada tetap memakai versi 1.");
        using var versioned = await admin.SubmitFormAsync(lockedPage, Edit(criteria.Id), "#criteria-form", new Dictionary<string, string> { ["Input.Aspects[0].Weight"] = "50", ["Input.Aspects[1].Weight"] = "50" }, "[data-testid=save]");

        versioned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var versions = await data.RowsAsync("SELECT id, version_number, is_current, is_locked FROM criteria_sets WHERE category_id = @c ORDER BY version_number", ("c", cycle.Large));
        var v2 = int.Parse(versions[1].Split(" | ")[0], System.Globalization.CultureInfo.InvariantCulture);
        versions.ShouldBe([$"{criteria.Id} | 1 | False | True", $"{v2} | 2 | True | False"]);
        versioned.Headers.Location!.OriginalString.ShouldBe(Edit(v2));
        ScoringTestData.Status(await PortalClient.ParseAsync(await admin.FollowAsync(versioned)))
            .ShouldBe("Kriteria Perusahaan Besar sudah dipakai untuk menilai, jadi perubahan disimpan sebagai versi 2. Kartu nilai yang sudah ada tetap memakai versi 1.");
        (await AspectsAsync(criteria.Id)).ShouldBe(["KEP | 60.00 | KEP1 50.00, KEP2 50.00", "WAW | 40.00 | WAW1 100.00"]);
        (await AspectsAsync(v2)).ShouldBe(["KEP | 50.00 | KEP1 50.00, KEP2 50.00", "WAW | 50.00 | WAW1 100.00"]);

        // The existing card keeps version 1; a new card uses version 2.
        (await data.ScalarAsync<int>("SELECT criteria_set_id FROM scorecards WHERE nomination_id = @n", ("n", first))).ShouldBe(criteria.Id);
        ScoringTestData.Text(await member.GetPageAsync(ScoringTestData.Card(round, first)), "[data-testid=card-context]").ShouldEndWith("kriteria versi 1");
        (await member.SubmitFormAsync(ScoringTestData.Card(round, second), "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "3" }, "#save-button"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.ScalarAsync<int>("SELECT criteria_set_id FROM scorecards WHERE nomination_id = @n", ("n", second))).ShouldBe(v2);
        (await data.RowsAsync("SELECT action FROM audit_events WHERE entity_type = 'criteria-set' AND entity_id = @id", ("id", ScoringTestData.Id(v2)))).ShouldBe(["criteria.new-version"]);

        // An older version is shown read-only.
        var old = await admin.GetPageAsync(Edit(criteria.Id));
        old.QuerySelector("#criteria-form").ShouldBeNull();
        ScoringTestData.Text(old, "[data-testid=old-version]").ShouldStartWith("Ini versi lama");
    }

    [Fact]
    public async Task A_category_copies_the_criteria_of_the_same_category_code_of_the_previous_cycle()
    {
        var current = await data.CycleAsync();
        var previous = await data.CycleAsync();
        previous.Year.ShouldBeLessThan(current.Year);
        await data.SmallCriteriaAsync(previous, previous.Large);
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);
        var index = await admin.GetPageAsync("/Admin/Criteria?cycle=" + current.YearText);
        PortalClient.Text(Row(index, "BESAR").QuerySelector("[data-testid=copy-form]")).ShouldBe($"Salin dari siklus {previous.YearText}");
        Row(index, "MENENGAH").QuerySelector("[data-testid=copy-form]").ShouldBeNull();

        using var copied = await admin.SubmitFormAsync(index, "/Admin/Criteria", "[data-category=BESAR] [data-testid=copy-form]", new Dictionary<string, string>());

        copied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setId = await data.ScalarAsync<int>("SELECT id FROM criteria_sets WHERE category_id = @c", ("c", current.Large));
        ScoringTestData.Status(await PortalClient.ParseAsync(await admin.FollowAsync(copied))).ShouldBe($"Kriteria Perusahaan Besar disalin dari siklus {previous.YearText}.");
        (await AspectsAsync(setId)).ShouldBe(["KEP | 60.00 | KEP1 50.00, KEP2 50.00", "WAW | 40.00 | WAW1 100.00"]);
        (await data.RowsAsync("SELECT i.rubric4, coalesce(i.evidence_guidance, '') FROM indicators i JOIN aspects a ON a.id = i.aspect_id WHERE a.criteria_set_id = @s ORDER BY a.sort_order, i.sort_order", ("s", setId)))
            .ShouldBe(["Hampir semua. | ", "null | Data kepesertaan per 31 Desember.", "Hampir semua. | "]);
    }

    [Fact]
    public async Task Adding_and_removing_rows_changes_only_the_form_until_saved()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);

        using var added = await admin.SubmitFormAsync(Edit(criteria.Id), "#criteria-form", new Dictionary<string, string>(), "button[value=add-aspect]");
        var withAspect = await PortalClient.ParseAsync(added);
        withAspect.QuerySelectorAll("[data-testid=aspect]").Length.ShouldBe(3);
        withAspect.QuerySelector<IHtmlInputElement>("input[name='Input.Aspects[2].SortOrder']")!.Value.ShouldBe("3");

        using var removed = await admin.SubmitFormAsync(withAspect, Edit(criteria.Id), "#criteria-form", new Dictionary<string, string>(), "button[value='remove-indicator:0:1']");
        var withoutKep2 = await PortalClient.ParseAsync(removed);
        withoutKep2.QuerySelectorAll("[data-testid=aspect]")[0].QuerySelectorAll("[data-testid=indicator]").Length.ShouldBe(1);
        ScoringTestData.Text(withoutKep2, "[data-testid=indicator-sum]").ShouldBe("Jumlah bobot indikator: 50 (harus 100)");

        (await AspectsAsync(criteria.Id)).ShouldBe(["KEP | 60.00 | KEP1 50.00, KEP2 50.00", "WAW | 40.00 | WAW1 100.00"]);
    }

    [Fact]
    public async Task The_administrator_sets_the_cycles_scoring_settings_and_members_cannot()
    {
        var cycle = await data.CycleAsync();
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);

        using var saved = await admin.SubmitFormAsync($"/Admin/Criteria/Settings/{cycle.Id}", "#settings-form", new Dictionary<string, string>
        {
            ["Input.Aggregation"] = "Median",
            ["Input.DisagreementThreshold"] = "30,5",
            ["Input.ShowZScores"] = "true",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ScoringTestData.Status(await PortalClient.ParseAsync(await admin.FollowAsync(saved))).ShouldBe($"Pengaturan penilaian siklus {cycle.YearText} telah disimpan.");
        (await data.RowsAsync("SELECT aggregation, hide_others_until_submitted, disagreement_threshold, show_z_scores FROM scoring_settings WHERE cycle_id = @c", ("c", cycle.Id)))
            .ShouldBe(["2 | True | 30.50 | True"]);

        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        using var refused = await chair.GetAsync($"/Admin/Criteria/Settings/{cycle.Id}");
        ScoringTestData.ShouldBeAccessDenied(refused);
        var rounds = await chair.GetPageAsync("/Scoring/Rounds?cycle=" + cycle.YearText);
        PortalClient.Text(rounds.QuerySelector("[data-testid=settings] li")).ShouldBe("Nilai babak: Median dari kartu nilai yang sudah dikirim; kartu penilai yang menyatakan konflik tidak dihitung.");
    }
}
