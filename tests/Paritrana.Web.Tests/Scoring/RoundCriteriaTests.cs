using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// A round is not opened, and scorers are not assigned, for a category of its nominations without
/// usable criteria: the chair is told which categories lack what and that the administrator sets
/// the criteria (with the link to pass on); nothing changes (issue 11, point 4).
/// </summary>
public class RoundCriteriaTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Lacking =
        "Pemerintah Provinsi (kriteria belum lengkap: bobotnya belum berjumlah 100 atau ada aspek tanpa indikator); " +
        "Perusahaan Menengah (belum ada kriteria); Usaha Kecil dan Mikro (kriteria tidak memuat aspek yang dinilai babak ini)";

    private readonly ScoringTestData data = new(portal);

    /// <summary>
    /// Nominations ready for scoring in five categories. Perusahaan Besar has the small criteria
    /// (KEP, WAW); Pemerintah Provinsi a set whose aspect weights add up to 90; Perusahaan Menengah
    /// none; Usaha Kecil dan Mikro a valid set without KEP. A Pemerintah Kabupaten/Kota nomination
    /// still in field assessment and a Jawa Tengah nomination in Badan Pelayanan Publik do not count.
    /// </summary>
    private async Task<(ScoringCycle Cycle, int Large, int Medium)> CycleAsync()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        await CriteriaAsync(cycle.Categories["PEMPROV"], cycle, ("KEP", 90m));
        await CriteriaAsync(cycle.Categories["UMK"], cycle, ("REG", 100m));
        var large = await data.NominationAsync(cycle, cycle.Large, "PT Besar Berkriteria");
        var medium = await data.NominationAsync(cycle, cycle.Medium, "PT Menengah Tanpa Kriteria");
        await data.NominationAsync(cycle, cycle.Categories["PEMPROV"], "Pemerintah Provinsi Bali", status: NominationStatus.Scored);
        await data.NominationAsync(cycle, cycle.Categories["UMK"], "UD Kecil");
        await data.NominationAsync(cycle, cycle.Categories["PEMKAB"], "Pemerintah Kota Denpasar", status: NominationStatus.InFieldAssessment);
        await data.NominationAsync(cycle, cycle.Categories["BPP"], "RSUD Jawa Tengah", regencyCode: "33.74");
        return (cycle, large, medium);
    }

    private async Task CriteriaAsync(int categoryId, ScoringCycle cycle, params (string Code, decimal Weight)[] aspects)
    {
        await using var db = data.NewContext();
        db.CriteriaSets.Add(new CriteriaSet
        {
            CycleId = cycle.Id, CategoryId = categoryId, CreatedAt = DateTimeOffset.UtcNow,
            Aspects = aspects.Select((a, i) => new Aspect
            {
                Code = a.Code, Name = a.Code, Weight = a.Weight, SortOrder = i + 1,
                Indicators = [new Indicator { Code = a.Code + "1", Name = a.Code + " 1", Weight = 100m, Scale = ScaleKind.Percent, SortOrder = 1 }],
            }).ToList(),
        });
        await db.SaveChangesAsync();
    }

    private async Task<long> AssignmentCountAsync(int round) => await data.CountAsync("SELECT count(*) FROM assignments WHERE round_id = @r", ("r", round));

    [Fact]
    public async Task A_round_is_not_opened_while_a_category_lacks_criteria_and_the_chair_is_told_which_and_who_sets_them()
    {
        var (cycle, _, _) = await CycleAsync();
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Draft, ["KEP"]);
        var url = $"/Scoring/Rounds/Details/{round}";
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await chair.GetPageAsync(url);
        var panel = page.QuerySelector("[data-testid=criteria-lacking]")!;
        PortalClient.Text(panel.QuerySelector("p")).ShouldBe(
            $"Kriteria penilaian belum ditetapkan untuk kategori {Lacking}. Selama itu babak ini tidak dapat dibuka dan penilai tidak dapat ditugaskan. " +
            "Kriteria ditetapkan oleh administrator: minta administrator menetapkannya.");
        var link = panel.QuerySelector("[data-testid=criteria-admin-link]")!;
        link.GetAttribute("href").ShouldBe($"http://localhost/Admin/Criteria?cycle={cycle.YearText}");
        PortalClient.Text(link).ShouldBe($"http://localhost/Admin/Criteria?cycle={cycle.YearText}");

        using (var refused = await chair.SubmitFormAsync(page, url, "#open-form", new Dictionary<string, string>()))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(refused))).ShouldBe(
                $"Babak Penilaian Dokumen belum dapat dibuka: kriteria penilaian belum ditetapkan untuk kategori {Lacking}. " +
                "Kriteria ditetapkan oleh administrator; minta administrator menetapkannya, lalu buka babak ini lagi.");
        }

        (await data.RowsAsync("SELECT status, opened_at IS NULL FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe(["1 | True"]);
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'round.opened' AND entity_id = @r", ("r", ScoringTestData.Id(round)))).ShouldBe(0L);

        // Once the administrator has set usable criteria for every category, the round opens.
        await data.RowsAsync("UPDATE aspects SET weight = 100 WHERE criteria_set_id IN (SELECT id FROM criteria_sets WHERE category_id = @c)", ("c", cycle.Categories["PEMPROV"]));
        await CriteriaAsync(cycle.Medium, cycle, ("KEP", 100m));
        await data.RowsAsync("UPDATE aspects SET code = 'KEP' WHERE criteria_set_id IN (SELECT id FROM criteria_sets WHERE category_id = @c)", ("c", cycle.Categories["UMK"]));
        var ready = await chair.GetPageAsync(url);
        ready.QuerySelector("[data-testid=criteria-lacking]").ShouldBeNull();
        using (var opened = await chair.SubmitFormAsync(ready, url, "#open-form", new Dictionary<string, string>()))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(opened))).ShouldBe("Babak Penilaian Dokumen telah dibuka; penilai dapat mengisi kartu nilai.");
        }

        (await data.ScalarAsync<int>("SELECT status FROM scoring_rounds WHERE id = @id", ("id", round))).ShouldBe((int)RoundStatus.Open);
    }

    [Fact]
    public async Task No_scorer_is_assigned_for_a_category_without_criteria_one_by_one_by_category_or_balanced()
    {
        var (cycle, large, medium) = await CycleAsync();
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        var url = $"/Scoring/Rounds/Assignments/{round}";
        var member = (await data.UserIdAsync(ScoringTestData.Member)).ToString();
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var page = await chair.GetPageAsync(url);
        PortalClient.Text(page.QuerySelector("[data-testid=criteria-lacking] p")).ShouldBe(
            $"Kriteria penilaian belum ditetapkan untuk kategori {Lacking}. Selama itu penilai tidak dapat ditugaskan untuk kategori tersebut. " +
            "Kriteria ditetapkan oleh administrator: minta administrator menetapkannya.");
        var filtered = await chair.GetPageAsync($"{url}?kategori={cycle.Medium}");
        PortalClient.Text(filtered.QuerySelector("[data-testid=criteria-lacking] p")).ShouldStartWith("Kriteria penilaian belum ditetapkan untuk kategori Perusahaan Menengah (belum ada kriteria). Selama");

        const string MediumRefusal =
            "Penilai belum dapat ditugaskan: kriteria penilaian belum ditetapkan untuk kategori Perusahaan Menengah (belum ada kriteria). " +
            "Kriteria ditetapkan oleh administrator; minta administrator menetapkannya, lalu ulangi penugasan.";
        using (var one = await chair.SubmitFormAsync(page, url, "#one-form", new Dictionary<string, string> { ["One.NominationId"] = ScoringTestData.Id(medium), ["One.ScorerId"] = member }))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(one))).ShouldBe(MediumRefusal);
        }

        using (var bulk = await chair.SubmitFormFieldsAsync(page, url, "#category-form", [new("Bulk.CategoryId", ScoringTestData.Id(cycle.Medium)), new("Bulk.ScorerIds", member)]))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(bulk))).ShouldBe(MediumRefusal);
        }

        using (var balanced = await chair.SubmitFormFieldsAsync(page, url, "#balance-form",
                   [new("Balance.CategoryId", ""), new("Balance.ScorerIds", member), new("Balance.PerNomination", "1"), new("Balance.Cap", "10")]))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(balanced))).ShouldBe(
                $"Penilai belum dapat ditugaskan: kriteria penilaian belum ditetapkan untuk kategori {Lacking}. " +
                "Kriteria ditetapkan oleh administrator; minta administrator menetapkannya, lalu ulangi penugasan.");
        }

        (await AssignmentCountAsync(round)).ShouldBe(0L);
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'assignment.created' AND (entity_id = @r OR entity_id = @m)",
            ("r", ScoringTestData.Id(round)), ("m", ScoringTestData.Id(medium)))).ShouldBe(0L);

        // The category with criteria is assigned as before.
        using (var ok = await chair.SubmitFormAsync(page, url, "#one-form", new Dictionary<string, string> { ["One.NominationId"] = ScoringTestData.Id(large), ["One.ScorerId"] = member }))
        {
            ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(ok))).ShouldEndWith("ditugaskan menilai PT Besar Berkriteria.");
        }

        (await AssignmentCountAsync(round)).ShouldBe(1L);
    }
}
