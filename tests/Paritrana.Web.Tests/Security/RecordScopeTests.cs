using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Security;

/// <summary>How far a probed record reaches: who else is outside it.</summary>
public enum Reach
{
    /// <summary>National records (cycles, offices, users): only the administrator's pages show them.</summary>
    National,

    /// <summary>Records of a province (rounds, the province itself): the other province is outside.</summary>
    Province,

    /// <summary>Records of a regency or city: the other province and the other branch are outside.</summary>
    Branch,
}

/// <summary>
/// Record-level probes: for every page that takes a record id, a committee chair and member of
/// another province (Jawa Tengah) and a branch officer of another branch (Gianyar on a Kota Denpasar
/// record, Denpasar on a Gianyar record) get 404 on the GET and on every POST handler of the page
/// (or the role refusal, where the matrix denies the role the page), and nothing changes.
/// </summary>
public class RecordScopeTests(MatrixFixture portal) : IClassFixture<MatrixFixture>
{
    /// <summary>
    /// The record pages: every page with an id in its route (checked against the endpoint data),
    /// and those that take one in the query string or in a posted field. The URL's placeholders are
    /// the records of the set probed; without handlers listed, every handler of the matrix is probed.
    /// </summary>
    private static readonly (string Url, Reach Reach, string[] Handlers)[] Probes =
    [
        ("/Admin/Users/Edit?id={user}", Reach.National, []),
        ("/Admin/Offices/BranchOffice/{branch}", Reach.National, []),
        ("/Admin/Offices/RegionalOffice/{regional}", Reach.National, []),
        ("/Admin/Cycles/Edit/{cycle}", Reach.National, []),
        ("/Admin/Cycles/Categories/{cycle}", Reach.National, []),
        ("/Admin/Cycles/EditCategory/{category}", Reach.National, []),
        ("/Admin/Criteria/Edit/{criteria}", Reach.National, []),
        ("/Admin/Criteria/Settings/{cycle}", Reach.National, []),

        ("/Regions/Province/{province}", Reach.Province, []),
        ("/Participation/Province/{province}", Reach.Province, []),
        ("/Scoring/Rounds/Details/{round}", Reach.Province, []),
        ("/Scoring/Rounds/Edit/{draftRound}", Reach.Province, []),
        ("/Scoring/Rounds/Assignments/{round}", Reach.Province, []),
        // A decision document is looked up by its verification code and/or number: another province's is not found.
        ("/Reports/Verify?code={code}&number={document}", Reach.Province, []),
        ("/Reports/Verify?code={code}", Reach.Province, []),
        ("/Reports/Verify?number={document}", Reach.Province, []),

        ("/Regions/RegencyOrCity/{regency}", Reach.Branch, []),
        ("/Employers/Details/{employer}", Reach.Branch, []),
        ("/Imports/Preview/{import}", Reach.Branch, []),
        ("/Imports/Regional/Preview/{regionalImport}", Reach.Branch, []),
        ("/Imports/Progress/{importDone}", Reach.Branch, []),
        ("/Nominations/Details/{draft}", Reach.Branch, []),
        ("/Nominations/Edit/{draft}", Reach.Branch, []),
        // The candidate's self-assessment (docs/decisions/051): the committee's page and document download,
        // and the candidate's own pages (closed to the probing roles; SelfAssessmentTests probes the other candidates).
        ("/Nominations/SelfAssessment/{draft}", Reach.Branch, []),
        ("/Nominations/SelfAssessmentDocument/{candidateDocument}", Reach.Branch, []),
        ("/Candidate/SelfAssessment/Index/{candidateNomination}", Reach.Branch, []),
        ("/Candidate/SelfAssessment/Document/{candidateDocument}", Reach.Branch, []),
        // The candidate's nomination, addressed coaching items and answer files (CandidateScopeTests probes
        // the other candidates), and the committee's page of a nomination's representatives (docs/decisions/050).
        ("/Candidate/Nomination/{candidateNomination}", Reach.Branch, []),
        ("/Candidate/Coaching/{candidateItem}", Reach.Branch, []),
        ("/Candidate/File/{candidateFile}", Reach.Branch, []),
        ("/Nominations/Representatives/{field}", Reach.Branch, ["POST Invite", "POST Resend", "POST Revoke", "POST Disable", "POST Enable"]),
        // The branch officer's queue takes the nomination as a posted id.
        ("/Verification/Index?id={submitted}", Reach.Branch, ["POST Verify", "POST Return"]),
        ("/FieldWork/Nomination/{field}", Reach.Branch, []),
        ("/FieldWork/Timeline/{field}", Reach.Branch, []),
        ("/FieldWork/Visits/Plan?nomination={field}", Reach.Branch, []),
        ("/FieldWork/Visits/Details/{visit}", Reach.Branch, []),
        ("/FieldWork/Visits/Record/{visit}", Reach.Branch, []),
        ("/FieldWork/Visits/Reschedule/{visit}", Reach.Branch, []),
        ("/FieldWork/Visits/Cancel/{visit}", Reach.Branch, []),
        ("/FieldWork/Coaching/Create?nomination={field}", Reach.Branch, []),
        ("/FieldWork/Coaching/Item/{item}", Reach.Branch, []),
        ("/FieldWork/Files/Upload?nomination={field}&visit={visit}", Reach.Branch, []),
        ("/FieldWork/Files/Download/{file}", Reach.Branch, []),
        ("/FieldWork/Files/Remove/{file}", Reach.Branch, []),
        ("/Scoring/Card?round={round}&nomination={scoring}", Reach.Branch, []),
        ("/Scoring/CardHistory/{card}", Reach.Branch, []),
        ("/Scoring/Conflicts/Declare?nomination={scoring}&round={round}", Reach.Branch, []),
        ("/Reports/Sheet?id={scoring}", Reach.Branch, []),
        // The national dossier (docs/decisions/043): of a forwarded finalist for the national stage only,
        // and never of a nomination outside the pool (NationalScopeTests probes the juror).
        ("/National/Dossier/{pooled}", Reach.National, []),
        ("/National/Dossier/{draft}", Reach.Branch, []),
        // A pooled finalist's evidence file (docs/decisions/048): the national stage only (NationalScopeTests
        // probes the juror with files outside the pool and mismatched ids).
        ("/National/DossierFile/{pooled}/{pooledFile}", Reach.National, []),
        // An interview is the secretariat's to change (docs/decisions/046).
        ("/National/Interviews/Edit/{interview}", Reach.National, ["POST", "POST Cancel"]),
    ];

    private static string PageOf(string url) => new PageRules(url).Page;

    [Fact]
    public void Every_page_with_a_route_parameter_is_probed()
    {
        var withParameters = portal.AppPages.Where(p => p.RouteParameters.Count > 0).Select(p => p.Page).ToList();
        withParameters.Count.ShouldBeGreaterThan(20);
        withParameters.ShouldContain("/Nominations/Details");

        var probed = Probes.Select(p => PageOf(p.Url)).ToHashSet(StringComparer.Ordinal);
        withParameters.Where(p => !probed.Contains(p)).ShouldBeEmpty();
        probed.Where(p => portal.AppPages.All(a => a.Page != p)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_other_province_gets_404_on_every_record_page_and_handler_and_nothing_changes()
    {
        var wrong = await ProbeAsync([("ketua.jateng@paritrana.demo", Who.Chair), ("anggota.jateng@paritrana.demo", Who.Member)], portal.Denpasar, Reach.National, Reach.Province, Reach.Branch);
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_other_branch_gets_404_on_every_record_page_and_handler_and_nothing_changes()
    {
        var wrong = await ProbeAsync([("cabang.gianyar@paritrana.demo", Who.Officer)], portal.Denpasar, Reach.National, Reach.Branch);
        wrong.AddRange(await ProbeAsync([("cabang.denpasar@paritrana.demo", Who.Officer)], portal.Gianyar, Reach.National, Reach.Branch));
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_probed_records_are_there_for_their_own_scope()
    {
        // The probes above mean something only if the same URLs answer 200 inside the scope.
        foreach (var (email, records) in new[] { ("cabang.denpasar@paritrana.demo", portal.Denpasar), ("cabang.gianyar@paritrana.demo", portal.Gianyar) })
        {
            var officer = await portal.ClientAsync(email);
            foreach (var url in new[] { "/Nominations/Details/{draft}", "/Employers/Details/{employer}", "/FieldWork/Visits/Details/{visit}", "/FieldWork/Coaching/Item/{item}", "/FieldWork/Files/Download/{file}", "/Imports/Preview/{import}", "/Imports/Regional/Preview/{regionalImport}", "/Regions/RegencyOrCity/{regency}" })
            {
                using var response = await officer.GetAsync(MatrixFixture.Resolve(url, records));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{email} {url}");
            }
        }

        var chair = await portal.ClientAsync("ketua.bali@paritrana.demo");
        foreach (var records in new[] { portal.Denpasar, portal.Gianyar })
        {
            foreach (var url in new[] { "/Scoring/CardHistory/{card}", "/Scoring/Card?round={round}&nomination={scoring}", "/Reports/Sheet?id={scoring}", "/Scoring/Rounds/Edit/{draftRound}", "/Reports/Verify?code={code}&number={document}" })
            {
                using var response = await chair.GetAsync(MatrixFixture.Resolve(url, records));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            }
        }
    }

    [Fact]
    public async Task The_chair_cannot_put_a_nomination_or_a_scorer_of_another_province_into_a_round_by_posting_their_ids()
    {
        // The round is the chair's own; only the ids in the posted fields come from Jawa Tengah.
        var jateng = await portal.ReadyNominationAsync("33.74");
        var jatengMember = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = 'anggota.jateng@paritrana.demo'");
        var baliMember = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = 'anggota.bali@paritrana.demo'");
        var chair = await portal.ClientAsync(AccessMatrix.Accounts[Who.Chair]);
        var token = await MatrixFixture.TokenAsync(chair, signedIn: true);
        var before = await portal.FingerprintAsync();
        var url = MatrixFixture.Resolve("/Scoring/Rounds/Assignments/{round}?handler=One", portal.Denpasar);

        foreach (var (nomination, scorer) in new[] { (jateng.ToString(System.Globalization.CultureInfo.InvariantCulture), baliMember), (portal.Denpasar["scoring"], jatengMember) })
        {
            using var response = await chair.PostFieldsAsync(url, [new("__RequestVerificationToken", token), new("One.NominationId", nomination), new("One.ScorerId", scorer.ToString())]);
            MatrixFixture.Answer(response).ShouldBe(MatrixFixture.Resolve("302 /Scoring/Rounds/Assignments/{round}", portal.Denpasar));
        }

        (await portal.FingerprintAsync()).ShouldBe(before);
        // (Jawa Tengah's own 2021 rounds of the demo have the member's assignments: only this round counts.)
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM assignments WHERE round_id = @r AND (nomination_id = @n OR scorer_id = @s)",
            ("r", int.Parse(portal.Denpasar["round"], System.Globalization.CultureInfo.InvariantCulture)), ("n", jateng), ("s", jatengMember))).ShouldBe(0);
    }

    private async Task<List<string>> ProbeAsync((string Email, Who Role)[] users, IReadOnlyDictionary<string, string> records, params Reach[] reaches)
    {
        var before = await portal.FingerprintAsync();
        var audit = await portal.LastAuditIdAsync();
        var wrong = new List<string>();
        var probes = 0;
        var denied = 0;
        foreach (var (email, role) in users)
        {
            var client = await portal.ClientAsync(email);
            var token = await MatrixFixture.TokenAsync(client, signedIn: true);
            foreach (var (template, reach, only) in Probes.Where(p => reaches.Contains(p.Reach)))
            {
                var rules = AccessMatrix.Pages.Single(p => p.Page == PageOf(template));
                var url = MatrixFixture.Resolve(template, records);
                foreach (var (handler, allowed) in rules.Handlers.Where(h => only.Length == 0 || only.Contains(h.Key)))
                {
                    var target = MatrixFixture.WithHandler(url, handler);
                    using var response = handler.StartsWith("GET", StringComparison.Ordinal)
                        ? await client.GetAsync(target)
                        : await client.PostFieldsAsync(target, [new("__RequestVerificationToken", token)]);
                    probes++;
                    var expected = allowed.HasFlag(role) ? "404" : "302 /Account/AccessDenied";
                    denied += allowed.HasFlag(role) ? 0 : 1;
                    if (allowed.HasFlag(role) && reach == Reach.National)
                    {
                        expected = "a national page open to a provincial role";
                    }

                    var actual = MatrixFixture.Answer(response);
                    if (actual != expected)
                    {
                        wrong.Add($"{email} {handler} {target}: expected {expected}, got {actual}");
                    }
                }
            }
        }

        probes.ShouldBeGreaterThan(40);
        (await portal.FingerprintAsync()).ShouldBe(before);
        // A page the role may not open at all is refused by policy, and that refusal is audited; a 404 is not.
        (await portal.AuditActionsSinceAsync(audit)).ShouldBe(Enumerable.Repeat(AuditActions.AccessRefused, denied));
        return wrong;
    }
}
