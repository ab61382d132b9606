using Paritrana.Domain.Scoring;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// A Jawa Tengah chair or member never reaches Bali's rounds, assignments, cards, card history or
/// ranking, whatever URL they type; branch officers and the administrator have no scoring pages.
/// </summary>
public class ScoringIsolationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    [Theory]
    [InlineData(ScoringTestData.JatengChair)]
    [InlineData(ScoringTestData.JatengMember)]
    public async Task Bali_rounds_cards_and_conflict_forms_answer_404_in_Jawa_Tengah(string email)
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large, locked: true);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP"]);
        var nomination = await data.NominationAsync(cycle, cycle.Large, "PT Rahasia Bali");
        await data.SubmittedCardAsync(round, nomination, ScoringTestData.Member, criteria, 90m, ("KEP1", 5m), ("KEP2", 80m));
        // Even an assignment of the Jawa Tengah user to a Bali card does not open it.
        await data.AssignAsync(round, nomination, email);
        var cardId = await data.ScalarAsync<int>("SELECT id FROM scorecards WHERE nomination_id = @n", ("n", nomination));
        using var client = await data.SignedInAsync(email);

        var expected = email == ScoringTestData.JatengChair ? HttpStatusCode.NotFound : HttpStatusCode.Redirect;
        foreach (var url in new[]
        {
            $"/Scoring/Rounds/Details/{round}",
            ScoringTestData.Card(round, nomination),
            $"/Scoring/Conflicts/Declare?nomination={nomination}",
        })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        foreach (var url in new[] { $"/Scoring/Rounds/Assignments/{round}", $"/Scoring/CardHistory/{cardId}", $"/Scoring/Rounds/Edit/{round}" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(expected, url);
        }

        var ranking = await client.GetPageAsync($"/Scoring/Ranking?cycle={cycle.YearText}&kategori={cycle.Large}");
        ranking.Body!.TextContent.ShouldNotContain("PT Rahasia Bali");
        ScoringTestData.Text(ranking, "[data-testid=no-nominations]").ShouldBe("Belum ada nominasi Perusahaan Besar yang siap dinilai.");
        var rounds = await client.GetPageAsync($"/Scoring/Rounds?cycle={cycle.YearText}");
        rounds.QuerySelectorAll("[data-testid=round-row]").Length.ShouldBe(0);
    }

    [Theory]
    [InlineData(ScoringTestData.Admin)]
    [InlineData("cabang.denpasar@paritrana.demo")]
    public async Task Scoring_pages_are_for_the_committee_only(string email)
    {
        using var client = await data.SignedInAsync(email);

        foreach (var url in new[] { "/Scoring", "/Scoring/Rounds", "/Scoring/Ranking", "/Scoring/Conflicts" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            ScoringTestData.ShouldBeAccessDenied(response);
        }
    }
}
