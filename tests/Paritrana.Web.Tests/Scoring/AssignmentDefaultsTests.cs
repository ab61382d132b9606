using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The assignment page's proposals fit the province: as many scorers per nomination as its committee
/// has (Bali's demo committee: the chair and one member), a load cap that spreads the ready
/// nominations evenly and is never 0, each explained beside its field; with no nomination ready the
/// empty list says why. "Bagi rata" with the page's own proposal goes through.
/// </summary>
public class AssignmentDefaultsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    [Fact]
    public async Task Bagi_rata_proposes_what_Bali_s_committee_of_two_can_give_and_succeeds_with_its_own_proposal()
    {
        (await data.CountAsync(
            "SELECT count(*) FROM users u WHERE u.province_code = '51' AND NOT u.is_disabled AND EXISTS " +
            "(SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name IN ('CommitteeChair', 'CommitteeMember'))")).ShouldBe(2L);
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        var url = $"/Scoring/Rounds/Assignments/{round}";
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var empty = await chair.GetPageAsync(url);
        PortalClient.Text(empty.QuerySelector("[data-testid=no-nominations]")).ShouldStartWith(
            "Belum ada nominasi yang siap dinilai. Nominasi muncul di sini setelah tim panitia menyelesaikan semua butir pembinaannya dan menandainya siap dinilai pada halaman kunjungan & pembinaan.");
        Value(empty, "Balance.PerNomination").ShouldBe("2");
        Value(empty, "Balance.Cap").ShouldBe("1");
        PortalClient.Text(empty.QuerySelector("[data-testid=per-nomination-help]")).ShouldBe("Tim panitia provinsi ini mempunyai 2 penilai.");
        PortalClient.Text(empty.QuerySelector("[data-testid=cap-help]")).ShouldBe(
            "Jumlah nominasi paling banyak untuk satu penilai di babak ini, termasuk yang sudah ditugaskan. Usulan awal membagi rata nominasi yang siap dinilai.");

        foreach (var name in new[] { "PT Usulan 1", "PT Usulan 2", "PT Usulan 3" })
        {
            await data.NominationAsync(cycle, cycle.Large, name);
        }

        var ready = await chair.GetPageAsync(url);
        ready.QuerySelector("[data-testid=no-nominations]").ShouldBeNull();
        Value(ready, "Balance.PerNomination").ShouldBe("2");
        Value(ready, "Balance.Cap").ShouldBe("3"); // 3 nominations × 2 scorers over 2 scorers

        using var balanced = await chair.SubmitFormAsync(ready, url, "#balance-form", new Dictionary<string, string>());
        balanced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ScoringTestData.Status(await PortalClient.ParseAsync(await chair.FollowAsync(balanced))).ShouldBe("6 penugasan dibuat; setiap nominasi kini mempunyai 2 penilai.");
        (await data.RowsAsync("SELECT count(*) FROM assignments WHERE round_id = @r GROUP BY nomination_id", ("r", round))).ShouldBe(["2", "2", "2"]);
    }

    private static string Value(IHtmlDocument page, string name) =>
        page.QuerySelector<IHtmlInputElement>($"#balance-form input[name='{name}']")!.Value;
}
