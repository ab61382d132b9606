using System.Globalization;
using Paritrana.Web.Tests.Security;

namespace Paritrana.Web.Tests.Candidates;

/// <summary>
/// The candidate area's start (issue 18, docs/decisions/049) on the demo: Kota Denpasar's representative
/// sees Kota Denpasar's nominations, each with the stage a candidate is told, and nothing of the
/// committee's; the start page sends them there; the committee's pages are closed to them.
/// </summary>
public class CandidateAreaTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Denpasar = "kandidat.denpasar@paritrana.demo";

    [Fact]
    public async Task Kota_Denpasars_representative_sees_its_two_nominations_with_a_candidates_stage_and_no_other_organisation()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync(Denpasar);

        var page = await client.GetPageAsync("/Candidate");

        page.QuerySelector("[data-testid=candidate-organisation]")!.TextContent.Trim().ShouldBe("Pemerintah Kota Denpasar");
        // The demo nominates Kota Denpasar twice (nominations.json): in 2021, not made a finalist by
        // Bali's plenary (plenaries.json), and in the current cycle, in field assessment.
        var rows = page.QuerySelectorAll("[data-testid=candidate-nomination]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim())))
            .ToList();
        rows.Count.ShouldBe(2);
        rows[1].ShouldBe("2021 | Pemerintah Kabupaten/Kota | Tidak masuk finalis");
        rows[0].ShouldEndWith(" | Pemerintah Kabupaten/Kota | Dalam penilaian panitia provinsi");
        var shown = page.QuerySelectorAll("[data-testid=candidate-nomination]").Select(r => int.Parse(r.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();
        var denpasars = await TestDatabase.ScalarAsync<long>(portal.Database,
            $"SELECT count(*) FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE o.name = 'Pemerintah Kota Denpasar' AND n.id IN ({string.Join(",", shown)})");
        denpasars.ShouldBe(2L);
        // No score, rank or committee wording on the page.
        var text = page.Body!.TextContent;
        text.ShouldNotContain("Peringkat", Case.Sensitive);
        text.ShouldNotContain("Nilai", Case.Sensitive);
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\d+,\d{2}").ShouldBeFalse("a score such as 72,55");
        text.ShouldNotContain("Kabupaten Badung");
        // Its navigation is the candidate area only.
        page.QuerySelectorAll("#mainNav .navbar-nav.me-auto a.nav-link").Select(a => a.GetAttribute("href")).ShouldBe(["/Candidate"]);
    }

    [Fact]
    public async Task The_start_page_sends_a_representative_to_their_area_and_every_committee_page_is_closed_to_them()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync(Denpasar);

        using (var start = await client.GetAsync("/"))
        {
            start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            start.Headers.Location!.OriginalString.ShouldBe("/Candidate");
        }

        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in new[] { "/Nominations", "/FieldWork", "/Scoring", "/Employers", "/Regions", "/National/Index", "/National/Interviews", "/Notifications" })
        {
            using var response = await client.GetAsync(url);
            answers[url] = MatrixFixture.Answer(response);
        }

        answers.ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/Nominations"] = "302 /Account/AccessDenied",
            ["/FieldWork"] = "302 /Account/AccessDenied",
            ["/Scoring"] = "302 /Account/AccessDenied",
            ["/Employers"] = "302 /Account/AccessDenied",
            ["/Regions"] = "302 /Account/AccessDenied",
            ["/National/Index"] = "302 /Account/AccessDenied",
            ["/National/Interviews"] = "302 /Account/AccessDenied",
            // Their own notifications (about their account only) stay theirs.
            ["/Notifications"] = "200",
        });
    }

    [Fact]
    public async Task The_committee_cannot_open_the_candidate_area()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync("ketua.bali@paritrana.demo");

        using var response = await client.GetAsync("/Candidate");

        MatrixFixture.Answer(response).ShouldBe("302 /Account/AccessDenied");
    }
}
