using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The ranking of a category, with figures worked out by hand. Three nominations, three scorers
/// (the chair A, the member B and a third member C who declared a conflict with "Dua"), two rounds:
/// Penilaian Dokumen (weight 60, aspect KEP: KEP1 levels 50 % + KEP2 0–100 50 %) and Wawancara
/// (weight 40, aspect WAW: WAW1 levels). Card totals:
/// <code>
///                 Dokumen: A      B      C           Wawancara: A    B    C
///   Satu                   90     72.5   60                     75   50   50
///   Dua                    80     70     20 (conflict)          100  75   0 (conflict)
///   Tiga                   50     55     95                     (no cards)
/// </code>
/// Mean: Satu 74.1667 and 58.3333 → 0.6 × 74.1667 + 0.4 × 58.3333 = 67.8333; Dua 75 and 87.5 → 80;
/// Tiga 66.6667, incomplete. Median: Satu 72.5 and 50 → 63.5; Dua 80; Tiga 55.
/// </summary>
public class RankingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    private sealed record Setup(ScoringCycle Cycle, int Satu, int Dua, int Tiga, int Documents, int Interview)
    {
        public string Url => $"/Scoring/Ranking?cycle={Cycle.YearText}&kategori={Cycle.Large}";
    }

    private async Task<Setup> SetUpAsync()
    {
        var cycle = await data.CycleAsync(finalists: 2);
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large, locked: true);
        var documents = await data.RoundAsync(cycle, "Penilaian Dokumen", 60m, RoundStatus.Open, ["KEP"], order: 1);
        var interview = await data.RoundAsync(cycle, "Wawancara", 40m, RoundStatus.Open, ["WAW"], kind: RoundKind.Interview, order: 2);
        var c = await data.CommitteeMemberAsync("Wayan Penilai Ketiga");
        var satu = await data.NominationAsync(cycle, cycle.Large, "PT Peringkat Satu");
        var dua = await data.NominationAsync(cycle, cycle.Large, "PT Peringkat Dua");
        var tiga = await data.NominationAsync(cycle, cycle.Large, "PT Peringkat Tiga");
        await data.ConflictAsync(dua, c, "Suami bekerja di perusahaan ini.");
        const string a = ScoringTestData.Chair;
        const string b = ScoringTestData.Member;

        await data.SubmittedCardAsync(documents, satu, a, criteria, 90m, ("KEP1", 5m), ("KEP2", 80m));
        await data.SubmittedCardAsync(documents, satu, b, criteria, 72.5m, ("KEP1", 4m), ("KEP2", 70m));
        await data.SubmittedCardAsync(documents, satu, c, criteria, 60m, ("KEP1", 3m), ("KEP2", 70m));
        await data.SubmittedCardAsync(documents, dua, a, criteria, 80m, ("KEP1", 5m), ("KEP2", 60m));
        await data.SubmittedCardAsync(documents, dua, b, criteria, 70m, ("KEP1", 4m), ("KEP2", 65m));
        await data.SubmittedCardAsync(documents, dua, c, criteria, 20m, ("KEP1", 1m), ("KEP2", 40m));
        await data.SubmittedCardAsync(documents, tiga, a, criteria, 50m, ("KEP1", 3m), ("KEP2", 50m));
        await data.SubmittedCardAsync(documents, tiga, b, criteria, 55m, ("KEP1", 3m), ("KEP2", 60m));
        await data.SubmittedCardAsync(documents, tiga, c, criteria, 95m, ("KEP1", 5m), ("KEP2", 90m));
        await data.SubmittedCardAsync(interview, satu, a, criteria, 75m, ("WAW1", 4m));
        await data.SubmittedCardAsync(interview, satu, b, criteria, 50m, ("WAW1", 3m));
        await data.SubmittedCardAsync(interview, satu, c, criteria, 50m, ("WAW1", 3m));
        await data.SubmittedCardAsync(interview, dua, a, criteria, 100m, ("WAW1", 5m));
        await data.SubmittedCardAsync(interview, dua, b, criteria, 75m, ("WAW1", 4m));
        await data.SubmittedCardAsync(interview, dua, c, criteria, 0m, ("WAW1", 1m));
        return new Setup(cycle, satu, dua, tiga, documents, interview);
    }

    private static List<string> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=ranking-row]").Select(Row).ToList();

    private static string Row(IElement r) => string.Join(" | ",
        new[] { PortalClient.Text(r.QuerySelector("[data-testid=rank]")), PortalClient.Text(r.QuerySelector("[data-testid=name]")) }
            .Concat(r.QuerySelectorAll("[data-testid=round-score]").Select(PortalClient.Text))
            .Append(PortalClient.Text(r.QuerySelector("[data-testid=total]")))
            .Append(string.Join(", ", r.QuerySelectorAll("[data-testid=finalist], [data-testid=tie], [data-testid=disagreements]").Select(PortalClient.Text))));

    [Fact]
    public async Task With_the_mean_the_conflicted_scorer_is_left_out_and_the_totals_are_exact()
    {
        var s = await SetUpAsync();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await chair.GetPageAsync(s.Url);

        Rows(page).ShouldBe(
        [
            "1 | PT Peringkat Dua | 75,00 2 kartu | 87,50 2 kartu | 80,00 | Usulan finalis",
            "2 | PT Peringkat Satu | 74,17 3 kartu | 58,33 3 kartu | 67,83 | Usulan finalis, 1 indikator berbeda pendapat",
            "3 | PT Peringkat Tiga | 66,67 3 kartu | — | 66,67 belum lengkap | 2 indikator berbeda pendapat",
        ]);
        var satu = page.QuerySelector($"[data-nomination='{s.Satu}'] + tr [data-testid=breakdown]")!;
        satu.QuerySelectorAll("[data-testid=aspect-scores]").Select(PortalClient.Text).ShouldBe(["KEP Kepatuhan: 74,17", "WAW Wawancara: 58,33"]);
        satu.QuerySelectorAll("[data-testid=flagged] li").Select(PortalClient.Text).ShouldBe(["KEP1 Seluruh program diikuti: rentang 50,00, simpangan baku 20,41 (3 penilai)"]);
        var tiga = page.QuerySelector($"[data-nomination='{s.Tiga}'] + tr [data-testid=breakdown]")!;
        tiga.QuerySelectorAll("[data-testid=flagged] li").Select(PortalClient.Text).ShouldBe(
        [
            "KEP1 Seluruh program diikuti: rentang 50,00, simpangan baku 23,57 (3 penilai)",
            "KEP2 Pekerja terdaftar: rentang 40,00, simpangan baku 17,00 (3 penilai)",
        ]);
    }

    [Fact]
    public async Task With_the_median_the_totals_change_as_worked_out()
    {
        var s = await SetUpAsync();
        await data.SettingsAsync(s.Cycle, RoundAggregation.Median);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await chair.GetPageAsync(s.Url);

        Rows(page).ShouldBe(
        [
            "1 | PT Peringkat Dua | 75,00 2 kartu | 87,50 2 kartu | 80,00 | Usulan finalis",
            "2 | PT Peringkat Satu | 72,50 3 kartu | 50,00 3 kartu | 63,50 | Usulan finalis, 1 indikator berbeda pendapat",
            "3 | PT Peringkat Tiga | 55,00 3 kartu | — | 55,00 belum lengkap | 2 indikator berbeda pendapat",
        ]);
    }

    [Fact]
    public async Task A_member_does_not_see_the_figures_of_a_candidate_they_still_have_to_score()
    {
        var s = await SetUpAsync();
        await data.AssignAsync(s.Interview, s.Tiga, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        var page = await member.GetPageAsync(s.Url);

        var tiga = page.QuerySelector($"[data-nomination='{s.Tiga}']")!;
        PortalClient.Text(tiga.QuerySelector("[data-testid=hidden]")).ShouldBe("Nilai disembunyikan sampai Anda mengirim kartu nilai Anda untuk kandidat ini.");
        tiga.QuerySelector("[data-testid=total]").ShouldBeNull();
        page.Body!.TextContent.ShouldNotContain("66,67");
        PortalClient.Text(page.QuerySelector($"[data-nomination='{s.Dua}'] [data-testid=total]")).ShouldBe("80,00");

        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var chairPage = await chair.GetPageAsync(s.Url);
        PortalClient.Text(chairPage.QuerySelector($"[data-nomination='{s.Tiga}'] [data-testid=total]")).ShouldBe("66,67 belum lengkap");
    }

    [Fact]
    public async Task Z_adjusted_totals_are_shown_beside_the_raw_ones_when_the_cycle_asks_for_them()
    {
        var s = await SetUpAsync();
        await data.SettingsAsync(s.Cycle, RoundAggregation.Mean, zScores: true);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await chair.GetPageAsync(s.Url);

        page.QuerySelectorAll("#ranking thead th").Select(PortalClient.Text).ShouldContain("Total terkoreksi (skor z)");
        page.QuerySelectorAll("[data-testid=z-total]").Count.ShouldBe(3);
        PortalClient.Text(page.QuerySelector($"[data-nomination='{s.Dua}'] [data-testid=total]")).ShouldBe("80,00");
    }
}
