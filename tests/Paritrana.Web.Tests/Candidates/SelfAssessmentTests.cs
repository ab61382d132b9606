using System.Globalization;
using Paritrana.Web.Tests.Security;

namespace Paritrana.Web.Tests.Candidates;

/// <summary>
/// The self-assessment on the demo (issue 18, docs/decisions/051): the seeded states, the record probes
/// (Kota Denpasar's representative reaches no other organisation's self-assessment by any URL or posted
/// id), the deadline, and the committee's acceptance going through the nomination's version.
/// </summary>
public class SelfAssessmentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Denpasar = "kandidat.denpasar@paritrana.demo";

    private Task<int> CurrentNominationAsync(string organisation) =>
        TestDatabase.ScalarAsync<int>(portal.Database,
            $"SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE c.is_current AND o.name = '{organisation}'");

    private async Task<string> FingerprintAsync() =>
        await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT coalesce(string_agg(s.id || ':' || s.status || ':' || s.xmin::text || ':' || (SELECT count(*) FROM self_assessment_items i WHERE i.self_assessment_id = s.id) || ':' || (SELECT count(*) FROM self_assessment_documents d WHERE d.self_assessment_id = s.id), ',' ORDER BY s.id), '') FROM self_assessments s") ?? "";

    [Fact]
    public async Task The_demo_has_Denpasars_half_done_draft_and_KAPIT_MASs_submission_returned_once()
    {
        var rows = await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT string_agg(o.name || '|' || s.status || '|' || s.submissions || '|' || (s.return_reason IS NOT NULL) || '|' || (SELECT count(*) FROM self_assessment_documents d WHERE d.self_assessment_id = s.id), ';' ORDER BY o.name) FROM self_assessments s JOIN organisations o ON o.id = s.organisation_id");
        rows.ShouldBe("KAPIT MAS|Returned|1|true|0;Pemerintah Kota Denpasar|Draft|0|false|1");

        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync(Denpasar);
        var page = await client.GetPageAsync($"/Candidate/SelfAssessment/{await CurrentNominationAsync("Pemerintah Kota Denpasar")}");
        PortalClient.Text(page.QuerySelector("[data-testid=self-assessment-status]")).ShouldBe("Draf");
        page.QuerySelector("#Input_WorkforceBps")!.GetAttribute("value").ShouldBe("512400");
        page.QuerySelectorAll("[data-testid=document]").Length.ShouldBe(1);
        // The demo's Nomination stage ended 74 days ago: the page says it can no longer be sent.
        PortalClient.Text(page.QuerySelector("[data-testid=next-step]")).ShouldContain("telah lewat");
        page.QuerySelector("[data-testid=submit]")!.HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Submitting_after_the_deadline_is_refused_with_its_date_and_nothing_changes()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync(Denpasar);
        var id = await CurrentNominationAsync("Pemerintah Kota Denpasar");
        var url = $"/Candidate/SelfAssessment/{id}";
        var page = await client.GetPageAsync(url);
        var token = PortalClient.ReadForm((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#figures-form")!).Single(f => f.Key == "__RequestVerificationToken");
        var before = await FingerprintAsync();

        using var response = await client.PostFieldsAsync(url + "?handler=Submit", [token]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetPageAsync(url);
        string.Join(" ", after.QuerySelectorAll("[role=alert]").Select(PortalClient.Text)).ShouldContain("telah lewat");
        (await FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Kota_Denpasars_representative_cannot_open_or_post_to_Badungs_or_Bank_BPD_Balis_self_assessment()
    {
        using var client = portal.Factory.CreatePortalClient();
        await client.SignedInAsAsync(Denpasar);
        var own = await client.GetPageAsync($"/Candidate/SelfAssessment/{await CurrentNominationAsync("Pemerintah Kota Denpasar")}");
        var token = PortalClient.ReadForm((AngleSharp.Html.Dom.IHtmlFormElement)own.QuerySelector("#figures-form")!).Single(f => f.Key == "__RequestVerificationToken");
        var others = await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT string_agg(n.id::text, ',') FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE o.name IN ('Pemerintah Kabupaten Badung', 'Bank BPD Bali')");
        var ids = others!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        ids.Count.ShouldBeGreaterThan(1);
        var before = await FingerprintAsync();
        var denpasarDocument = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM self_assessment_documents LIMIT 1");

        var answers = new List<string>();
        foreach (var id in ids)
        {
            using (var get = await client.GetAsync($"/Candidate/SelfAssessment/{id}"))
            {
                answers.Add($"GET {id} {(int)get.StatusCode}");
            }

            foreach (var handler in new[] { "", "AddRegulation", "AddBudget", "AddInnovation", "RemoveItem", "Upload", "Submit" })
            {
                using var post = await client.PostFieldsAsync($"/Candidate/SelfAssessment/{id}" + (handler.Length > 0 ? "?handler=" + handler : ""),
                    [token, new("Input.WorkforceBps", "1"), new("Input.ProtectedPu", "0"), new("Input.ProtectedBpu", "0"), new("Innovation.Title", "x"), new("itemId", "1")]);
                answers.Add($"POST {handler} {id} {(int)post.StatusCode}");
            }
        }

        answers.ShouldAllBe(a => a.EndsWith(" 404", StringComparison.Ordinal));
        (await FingerprintAsync()).ShouldBe(before);

        // Another organisation's representative does not download Kota Denpasar's document either.
        using var kapitMas = portal.Factory.CreatePortalClient();
        await kapitMas.SignedInAsAsync("kandidat.kapitmas@paritrana.demo");
        using (var download = await kapitMas.GetAsync($"/Candidate/SelfAssessment/Document/{denpasarDocument}"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_committee_accepts_into_the_nomination_only_at_its_current_version_and_the_nomination_is_unchanged_until_then()
    {
        var id = await CurrentNominationAsync("KAPIT MAS");
        // The demo's returned submission, sent again (its figures were validated when saved).
        await TestDatabase.ExecuteAsync($"UPDATE self_assessments SET status = 'Submitted' WHERE nomination_id = {id}", portal.Database);
        var before = await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT concat_ws('|', workers, participants_pu, participants_bpu, csr_amount, xmin::text) FROM nominations WHERE id = {id}");

        using var chair = portal.Factory.CreatePortalClient();
        await chair.SignedInAsAsync("ketua.bali@paritrana.demo");
        var url = $"/Nominations/SelfAssessment/{id}";
        var page = await chair.GetPageAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#accept-form")!;
        var token = PortalClient.ReadForm(form).Single(f => f.Key == "__RequestVerificationToken");

        // A stale version: refused, nothing changes.
        using (var stale = await chair.PostFieldsAsync(url + "?handler=Accept", [token, new("version", "1"), new("keys", "CsrAmount")]))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT concat_ws('|', workers, participants_pu, participants_bpu, csr_amount, xmin::text) FROM nominations WHERE id = {id}")).ShouldBe(before);

        // At the page's version: the one value is taken, the others stay the committee's; audited as a nomination update.
        using (var accepted = await chair.SubmitFormFieldsAsync(page, url, "#accept-form", [new("keys", "CsrAmount")]))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var parts = before!.Split('|');
        (await TestDatabase.ScalarAsync<decimal?>(portal.Database, $"SELECT csr_amount FROM nominations WHERE id = {id}")).ShouldBe(43_200_000m);
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT concat_ws('|', workers, participants_pu, participants_bpu) FROM nominations WHERE id = {id}")).ShouldBe(string.Join('|', parts[..3]));
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT status FROM self_assessments WHERE nomination_id = {id}")).ShouldBe("PartlyAccepted");
        (await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE action = 'self-assessment.accepted' AND entity_id = (SELECT id::text FROM self_assessments WHERE nomination_id = {id})")).ShouldBe(1L);
        (await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'kandidat.kapitmas@paritrana.demo' AND n.kind = 'SelfAssessmentAccepted' AND n.province_code IS NULL")).ShouldBe(1L);
    }
}
