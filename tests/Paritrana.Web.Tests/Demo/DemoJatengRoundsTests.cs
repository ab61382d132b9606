using Paritrana.Web.Tests.Scoring;

namespace Paritrana.Web.Tests.Demo;

/// <summary>
/// The README's walk-through for Jawa Tengah: its committee has no scoring round in the demo's
/// current cycle; its chair, on Penilaian → Babak penilaian, is told who creates rounds and how, and
/// creates the three default rounds with the button, which the page then lists.
/// </summary>
public class DemoJatengRoundsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_Jawa_Tengah_chair_is_told_what_to_do_and_creates_the_default_rounds_of_the_current_cycle()
    {
        var year = await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT max(year) FROM award_cycles WHERE NOT is_closed");
        (await TestDatabase.ScalarAsync<long>(portal.Database,
            "SELECT count(*) FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id WHERE r.province_code = '33' AND y.year = @y", ("y", year))).ShouldBe(0L);

        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ScoringTestData.JatengChair);
        var home = await chair.GetPageAsync("/");
        var scoring = await chair.GetPageAsync(home.QuerySelectorAll("#mainNav a").Single(a => PortalClient.Text(a) == "Penilaian").GetAttribute("href")!);
        var roundsLink = scoring.QuerySelectorAll("a").Single(a => PortalClient.Text(a) == "Babak penilaian").GetAttribute("href")!;

        // The current cycle's page, empty, saying who creates rounds and offering the button.
        var page = await chair.GetPageAsync(roundsLink);
        PortalClient.Text(page.QuerySelector("#settings-heading")).ShouldBe($"Pengaturan penilaian siklus {year}");
        PortalClient.Text(page.QuerySelector("[data-testid=empty]")).ShouldBe("Belum ada babak penilaian pada siklus ini.");
        PortalClient.Text(page.QuerySelector("[data-testid=empty-hint]")).ShouldBe(
            "Babak penilaian dibuat oleh Ketua Tim Panitia: tiga babak bawaan atau babak sendiri dengan bobot dan aspeknya. Setelah babak dibuka, penilai yang ditugaskan mengisi kartu nilainya.");
        PortalClient.Text(page.QuerySelector("#defaults-form button")).ShouldBe("Buat tiga babak bawaan");

        using (var created = await chair.SubmitFormAsync(page, roundsLink, "#defaults-form", new Dictionary<string, string>()))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var after = await PortalClient.ParseAsync(await chair.FollowAsync(created));
            ScoringTestData.Status(after).ShouldBe("Tiga babak bawaan telah dibuat: Penilaian Dokumen (40), Kunjungan Lapangan (35) dan Wawancara (25).");
            after.QuerySelectorAll("[data-testid=round-row]")
                .Select(r => (PortalClient.Text(r.QuerySelector("[data-testid=name]")), PortalClient.Text(r.QuerySelector("[data-testid=weight]")), PortalClient.Text(r.QuerySelector("[data-testid=status]"))))
                .ShouldBe([("Penilaian Dokumen", "40", "Draf"), ("Kunjungan Lapangan", "35", "Draf"), ("Wawancara", "25", "Draf")]);
            PortalClient.Text(after.QuerySelector("[data-testid=weight-sum]")).ShouldBe("100");
            after.QuerySelector("#defaults-form").ShouldBeNull();
        }

        (await TestDatabase.ScalarAsync<long>(portal.Database,
            "SELECT count(*) FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id WHERE r.province_code = '33' AND y.year = @y", ("y", year))).ShouldBe(3L);
        // Bali's rounds are untouched.
        (await TestDatabase.ScalarAsync<long>(portal.Database,
            "SELECT count(*) FROM scoring_rounds r JOIN award_cycles y ON y.id = r.cycle_id WHERE r.province_code = '51' AND y.year = @y", ("y", year))).ShouldBe(3L);
    }
}
