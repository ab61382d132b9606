using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Tests.Reports;
using Paritrana.Web.Tests.Scoring;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// The rule of who sees whose scores (docs/decisions/010) on every page, export and PDF that can show
/// a score, enumerated from the app's endpoint data source (<see cref="ScorePages"/>). Two finalists
/// of one category, scored in one open round on one 0–100 indicator: on X the chair submitted 87,35
/// with a comment and strengths while the member's card is a draft; on Y the member submitted 91,17
/// while the chair has not started. Neither may see the other's card of the nomination they still
/// score, in HTML, CSV or PDF; once both have submitted (member 60 on X, chair 50 on Y) the values
/// appear: X's round score (87,35 + 60) / 2 = 73,675 → 73,68; Y's (91,17 + 50) / 2 = 70,585 → 70,59.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ScoreVisibilityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ChairComment = "KOMENTAR-KETUA-RAHASIA";
    private const string ChairStrengths = "KEKUATAN-KETUA-RAHASIA";
    private const string MemberComment = "KOMENTAR-ANGGOTA-RAHASIA";
    private const string MemberStrengths = "KEKUATAN-ANGGOTA-RAHASIA";

    private readonly ScoringTestData data = new(portal);

    /// <summary>What a viewer must not see before submitting, and the tokens of <see cref="Shows"/> that appear after.</summary>
    private sealed record Viewer(string Email, Who Role, Dictionary<string, string> Records, string[] Secrets, IReadOnlyDictionary<Shows, string> Appears);

    private sealed record Scene(ScoringCycle Cycle, int Round, int X, int Y, Viewer Member, Viewer Chair);

    [Fact]
    public async Task Every_page_and_handler_of_the_app_is_classified_by_whether_it_can_show_a_score()
    {
        var app = await AppHandlersAsync();

        app.Count.ShouldBeGreaterThan(140);
        app.ShouldContain("/Reports/Sheet GET Pdf");
        ScorePages.Differences(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_classification_notices_a_new_handler_a_handler_classified_twice_and_a_stale_entry()
    {
        var app = (await AppHandlersAsync()).Append("/Scoring/Spread GET").ToList();
        var classified = ScorePages.ShowScores.Keys.Concat(ScorePages.AdministratorOnly).Concat(ScorePages.NationalStage).Concat(ScorePages.NoScores)
            .Where(h => h != "/Reports/Sheet GET Pdf")
            .Append("/Shortlist/Index GET")
            .Append("/Scoring/Gone GET")
            .ToList();

        ScorePages.Differences(app, classified).ShouldBe(
        [
            "classified but not in the app: /Scoring/Gone GET",
            "classified twice: /Shortlist/Index GET",
            "not classified (can it show a score?): /Reports/Sheet GET Pdf",
            "not classified (can it show a score?): /Scoring/Spread GET",
        ]);
    }

    [Fact]
    public async Task An_unfinished_card_hides_the_other_scorers_values_and_comments_everywhere_until_it_is_submitted_the_chair_included()
    {
        var scene = await SceneAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);

        var leaks = await ProbeAsync(scene, member, chair, before: true);
        leaks.ShouldBeEmpty();

        await SubmitAsync(member, scene.Round, scene.X, "60");
        await SubmitAsync(chair, scene.Round, scene.Y, "50");
        var missing = await ProbeAsync(scene, member, chair, before: false);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_scorer_who_declared_a_conflict_sees_none_of_that_nominations_scores_even_in_a_closed_round_while_the_chair_does()
    {
        var scene = await SceneAsync();
        // Everything submitted, the round closed: only the member's conflict with X still hides it from them.
        await using (var db = data.NewContext())
        {
            await db.Scorecards.Where(c => c.RoundId == scene.Round && c.Status == ScorecardStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ScorecardStatus.Submitted).SetProperty(c => c.Total, 40m).SetProperty(c => c.SubmittedAt, DateTimeOffset.UtcNow));
            await db.ScoringRounds.Where(r => r.Id == scene.Round).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Closed));
        }

        await data.ConflictAsync(scene.X, ScoringTestData.Member, "Saudara kandung bekerja di sini.");
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        var leaks = new List<string>();
        foreach (var (handler, probe) in ScorePages.ShowScores.Where(p => p.Value.Viewers.HasFlag(Who.Member)))
        {
            var text = await ReadAsync(member, probe, scene.Member.Records);
            leaks.AddRange(scene.Member.Secrets.Where(s => Squeeze(text).Contains(Squeeze(s), StringComparison.Ordinal)).Select(s => $"{handler}: {s}"));
        }

        leaks.ShouldBeEmpty();
        var shortlist = await member.GetPageAsync($"/Shortlist?cycle={scene.Cycle.YearText}");
        PortalClient.Text(shortlist.QuerySelector($"[data-nomination='{scene.X}'] [data-testid=hidden]"))
            .ShouldBe("Nilai disembunyikan karena Anda menyatakan konflik kepentingan dengan kandidat ini.");

        // The conflicted card is left out of X's score (the chair's 87,35 alone), and the chair sees it.
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        var chairShortlist = await chair.GetPageAsync($"/Shortlist?cycle={scene.Cycle.YearText}");
        PortalClient.Text(chairShortlist.QuerySelector($"[data-nomination='{scene.X}']")).ShouldContain("87,35");
        var sheet = await chair.GetAsync($"/Reports/Sheet?id={scene.X}");
        (await sheet.Content.ReadAsStringAsync()).ShouldContain(ChairComment);
    }

    [Fact]
    public async Task Once_the_round_is_closed_its_scores_are_final_and_an_unsubmitted_card_no_longer_hides_them()
    {
        var scene = await SceneAsync();
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var ranking = $"/Scoring/Ranking?cycle={scene.Cycle.YearText}&kategori={scene.Cycle.Large}";
        (await (await member.GetAsync(ranking)).Content.ReadAsStringAsync()).ShouldNotContain("87,35");

        await using (var db = data.NewContext())
        {
            await db.ScoringRounds.Where(r => r.Id == scene.Round).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Closed));
        }

        var page = await member.GetPageAsync(ranking);
        PortalClient.Text(page.QuerySelector($"[data-nomination='{scene.X}'] [data-testid=total]")).ShouldBe("87,35");
        (await (await member.GetAsync($"/Reports/Sheet?id={scene.X}")).Content.ReadAsStringAsync()).ShouldContain(ChairComment);
    }

    /// <summary>
    /// Opens every probe of <see cref="ScorePages.ShowScores"/> as each of its viewers: before, the
    /// secrets of the other scorer's card that must not appear; after, the tokens that must. Returns
    /// what went wrong, one line per handler, viewer and token.
    /// </summary>
    private static async Task<List<string>> ProbeAsync(Scene scene, PortalClient member, PortalClient chair, bool before)
    {
        var wrong = new List<string>();
        foreach (var (handler, probe) in ScorePages.ShowScores)
        {
            foreach (var (viewer, client) in new[] { (scene.Member, member), (scene.Chair, chair) }.Where(v => probe.Viewers.HasFlag(v.Item1.Role)))
            {
                var text = Squeeze(await ReadAsync(client, probe, viewer.Records));
                var tokens = before
                    ? viewer.Secrets.Where(s => text.Contains(Squeeze(s), StringComparison.Ordinal))
                    : viewer.Appears.Where(a => probe.Appears.HasFlag(a.Key) && !text.Contains(Squeeze(a.Value), StringComparison.Ordinal)).Select(a => a.Value);
                wrong.AddRange(tokens.Select(t => $"{handler} as {viewer.Role}: {(before ? "shows" : "does not show")} {t}"));
            }
        }

        // The administrator's pages refuse the committee.
        foreach (var handler in ScorePages.AdministratorOnly)
        {
            var url = handler.StartsWith("/Admin/Audit", StringComparison.Ordinal)
                ? handler.EndsWith(" Csv", StringComparison.Ordinal) ? "/Admin/Audit?handler=Csv" : "/Admin/Audit"
                : $"/National/Plenary?cycle={scene.Cycle.YearText}";
            using var response = await member.GetAsync(url);
            if (MatrixFixture.Answer(response) != "302 /Account/AccessDenied")
            {
                wrong.Add($"{handler} as the member: {MatrixFixture.Answer(response)}");
            }
        }

        // So do the national stage's (the member's own nomination X, were it forwarded, is no exception).
        foreach (var url in new[] { $"/National?cycle={scene.Cycle.YearText}", FormattableString.Invariant($"/National/Dossier/{scene.X}"), $"/National/Report?cycle={scene.Cycle.YearText}", $"/National/Report?cycle={scene.Cycle.YearText}&handler=Pdf" })
        {
            using var response = await member.GetAsync(url);
            if (MatrixFixture.Answer(response) != "302 /Account/AccessDenied")
            {
                wrong.Add($"{url} as the member: {MatrixFixture.Answer(response)}");
            }
        }

        return wrong;
    }

    /// <summary>What the handler answers, as text: the HTML or CSV as sent, a PDF's text (pdftotext); a posted form's answer, a redirect followed.</summary>
    private static async Task<string> ReadAsync(PortalClient client, ScoreProbe probe, IReadOnlyDictionary<string, string> records)
    {
        var url = MatrixFixture.Resolve(probe.Url, records);
        var response = probe.Kind == ProbeKind.Post ? await PostAsync(client, url, probe) : await client.GetAsync(url);
        try
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            return probe.Kind == ProbeKind.Pdf
                ? await ChromiumPdfTests.PdfToTextAsync(await response.Content.ReadAsByteArrayAsync())
                : await response.Content.ReadAsStringAsync();
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>Posts the page's form (or just the token) with the probe's field set, as a person whose input is refused; a redirect is followed.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, ScoreProbe probe)
    {
        var pageUrl = url[..url.IndexOf("handler=", StringComparison.Ordinal)].TrimEnd('&', '?');
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => probe.Field is not null && f.Elements.Any(e => e.GetAttribute("name") == probe.Field));
        var fields = form is null ? [] : PortalClient.ReadForm(form);
        if (!fields.Any(f => f.Key == "__RequestVerificationToken"))
        {
            fields.Add(new("__RequestVerificationToken", await MatrixFixture.TokenAsync(client, signedIn: true)));
        }

        if (probe.Field is not null)
        {
            fields.RemoveAll(f => f.Key == probe.Field);
            fields.Add(new(probe.Field, probe.Typed ?? ""));
        }

        var response = await client.PostFieldsAsync(url, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return response;
        }

        var followed = await client.FollowAsync(response);
        response.Dispose();
        return followed;
    }

    private static async Task SubmitAsync(PortalClient client, int round, int nomination, string value)
    {
        using var response = await client.SubmitFormAsync(ScoringTestData.Card(round, nomination), "#scorecard-form",
            new Dictionary<string, string> { ["Input.Scores[0].Value"] = value, ["Input.Strengths"] = "Kekuatan yang tampak.", ["Input.Confirmed"] = "true" }, "#submit-button");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Every page and handler of the app ("page METHOD[ Name]"), from its endpoint data source as the router loads them.</summary>
    private async Task<List<string>> AppHandlersAsync() =>
        (await MatrixFixture.LoadAppPagesAsync(portal.Factory.Services)).SelectMany(p => p.Handlers.Select(h => $"{p.Page} {h}")).ToList();

    /// <summary>Without any white space: a PDF's text may break a long word or a figure across lines.</summary>
    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private async Task<Scene> SceneAsync()
    {
        var cycle = await data.CycleAsync(finalists: 2);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var db = data.NewContext();
        var set = new CriteriaSet
        {
            CycleId = cycle.Id, CategoryId = cycle.Large, VersionNumber = 1, IsCurrent = true, IsLocked = true, CreatedAt = DateTimeOffset.UtcNow,
            Aspects = [new Aspect { Code = "A1", Name = "Kepatuhan", Weight = 100m, SortOrder = 1, Indicators = [new Indicator { Code = "I1", Name = "Pekerja terdaftar", Weight = 100m, Scale = ScaleKind.Percent, SortOrder = 1 }] }],
        };
        db.CriteriaSets.Add(set);
        await db.SaveChangesAsync();
        var indicator = set.Aspects[0].Indicators[0].Id;
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["A1"]);
        var x = await data.NominationAsync(cycle, cycle.Large, $"PT Rahasia Satu {tag}", status: NominationStatus.Finalist);
        var y = await data.NominationAsync(cycle, cycle.Large, $"PT Rahasia Dua {tag}", status: NominationStatus.Finalist);
        var chairId = await data.UserIdAsync(ScoringTestData.Chair);
        var memberId = await data.UserIdAsync(ScoringTestData.Member);

        Scorecard Card(int nomination, Guid scorer, decimal value, string comment, string? strengths, bool submitted) => new()
        {
            RoundId = round, NominationId = nomination, ScorerId = scorer, CriteriaSetId = set.Id, ProvinceCode = "51", RegencyCode = "51.71",
            Status = submitted ? ScorecardStatus.Submitted : ScorecardStatus.Draft, Total = submitted ? value : null, Strengths = strengths,
            SubmittedAt = submitted ? DateTimeOffset.UtcNow : null, UpdatedAt = DateTimeOffset.UtcNow,
            Scores = [new Score { IndicatorId = indicator, Value = value, Comment = comment }],
        };
        var chairX = Card(x, chairId, 87.35m, ChairComment, ChairStrengths, submitted: true);
        var memberY = Card(y, memberId, 91.17m, MemberComment, MemberStrengths, submitted: true);
        db.Scorecards.AddRange(chairX, Card(x, memberId, 40m, "catatan anggota", null, submitted: false), memberY);
        foreach (var (nomination, scorer) in new[] { (x, chairId), (x, memberId), (y, memberId), (y, chairId) })
        {
            db.Assignments.Add(new Assignment { RoundId = round, NominationId = nomination, ScorerId = scorer, AssignedBy = chairId, AssignedAt = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync();
        Dictionary<string, string> Records(int nomination, int otherCard) => new(StringComparer.Ordinal)
        {
            ["year"] = cycle.YearText, ["category"] = Id(cycle.Large), ["round"] = Id(round), ["nomination"] = Id(nomination), ["otherCard"] = Id(otherCard),
        };
        return new Scene(cycle, round, x, y,
            new Viewer(ScoringTestData.Member, Who.Member, Records(x, chairX.Id), ["87,35", "87.35", ChairComment, ChairStrengths],
                new Dictionary<Shows, string> { [Shows.Mean] = "73,68", [Shows.Value] = "87,35", [Shows.Comment] = ChairComment, [Shows.Strengths] = ChairStrengths }),
            new Viewer(ScoringTestData.Chair, Who.Chair, Records(y, memberY.Id), ["91,17", "91.17", MemberComment, MemberStrengths],
                new Dictionary<Shows, string> { [Shows.Mean] = "70,59", [Shows.Value] = "91,17", [Shows.Comment] = MemberComment, [Shows.Strengths] = MemberStrengths }));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
