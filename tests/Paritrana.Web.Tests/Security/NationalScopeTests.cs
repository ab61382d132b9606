using AngleSharp.Dom;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Security;

/// <summary>
/// The national stage's record probes (docs/decisions/043), on the matrix's data: an open national round
/// of 2021 ("Matriks Nasional") with juri2's submitted card of Bali's forwarded Bank BPD Bali (88,50).
/// A juror cannot open a nomination that was not forwarded, by URL or by a posted id; no provincial
/// role (Jawa Tengah's chair, nor Bali's own) sees a national score; the administrator does.
/// </summary>
public class NationalScopeTests(MatrixFixture portal) : IClassFixture<MatrixFixture>
{
    private const string Juror = "juri1@paritrana.demo";

    [Fact]
    public async Task A_juror_cannot_open_a_nomination_that_was_not_forwarded_by_url_or_posted_id_and_nothing_changes()
    {
        var before = await portal.FingerprintAsync();
        var audit = await portal.LastAuditIdAsync();
        var juror = await portal.ClientAsync(Juror);
        var token = await MatrixFixture.TokenAsync(juror, signedIn: true);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var records in new[] { portal.Denpasar, portal.Gianyar })
        {
            foreach (var url in new[]
                     {
                         // The national dossier of a draft, of one being scored in Bali and of one submitted: none is in the pool.
                         "/National/Dossier/{draft}", "/National/Dossier/{scoring}", "/National/Dossier/{submitted}",
                         // The card page is the juror's too, but not for a provincial round or nomination.
                         "/Scoring/Card?round={round}&nomination={scoring}", "/Scoring/Card?round={nationalRound}&nomination={scoring}",
                         "/Scoring/Conflicts/Declare?nomination={scoring}",
                         // Every provincial page is denied to a juror by policy.
                         "/Nominations/Details/{draft}", "/FieldWork/Nomination/{field}", "/FieldWork/Files/Download/{file}", "/Reports/Sheet?id={scoring}",
                         "/Scoring/Rounds/Details/{round}", "/Employers/Details/{employer}",
                         // The national download of evidence (docs/decisions/048): a file of a nomination outside the
                         // pool under its own id, another nomination's file under the pool nomination's id, and a
                         // pool nomination's file under another nomination's id.
                         "/National/DossierFile/{field}/{file}", "/National/DossierFile/{pooled}/{file}", "/National/DossierFile/{field}/{pooledFile}",
                     })
            {
                using var response = await juror.GetAsync(MatrixFixture.Resolve(url, records));
                answers[$"GET {url}"] = MatrixFixture.Answer(response);
            }

            foreach (var url in new[] { "/Scoring/Card?round={round}&nomination={scoring}&handler=Save", "/Scoring/Card?round={nationalRound}&nomination={scoring}&handler=Submit", "/Scoring/Conflicts/Declare?nomination={submitted}" })
            {
                using var response = await juror.PostFieldsAsync(MatrixFixture.Resolve(url, records), [new("__RequestVerificationToken", token), new("Input.Version", "0")]);
                answers[$"POST {url}"] = MatrixFixture.Answer(response);
            }
        }

        answers.ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GET /National/Dossier/{draft}"] = "404",
            ["GET /National/Dossier/{scoring}"] = "404",
            ["GET /National/Dossier/{submitted}"] = "404",
            ["GET /Scoring/Card?round={round}&nomination={scoring}"] = "404",
            ["GET /Scoring/Card?round={nationalRound}&nomination={scoring}"] = "404",
            ["GET /Scoring/Conflicts/Declare?nomination={scoring}"] = "404",
            ["GET /Nominations/Details/{draft}"] = "302 /Account/AccessDenied",
            ["GET /FieldWork/Nomination/{field}"] = "302 /Account/AccessDenied",
            ["GET /FieldWork/Files/Download/{file}"] = "302 /Account/AccessDenied",
            ["GET /Reports/Sheet?id={scoring}"] = "302 /Account/AccessDenied",
            ["GET /Scoring/Rounds/Details/{round}"] = "302 /Account/AccessDenied",
            ["GET /Employers/Details/{employer}"] = "302 /Account/AccessDenied",
            ["GET /National/DossierFile/{field}/{file}"] = "404",
            ["GET /National/DossierFile/{pooled}/{file}"] = "404",
            ["GET /National/DossierFile/{field}/{pooledFile}"] = "404",
            ["POST /Scoring/Card?round={round}&nomination={scoring}&handler=Save"] = "404",
            ["POST /Scoring/Card?round={nationalRound}&nomination={scoring}&handler=Submit"] = "404",
            ["POST /Scoring/Conflicts/Declare?nomination={submitted}"] = "404",
        }, ignoreOrder: true);
        (await portal.FingerprintAsync()).ShouldBe(before);
        // Two records × six pages refused by policy, each refusal audited; a 404 is not.
        (await portal.AuditActionsSinceAsync(audit)).ShouldBe(Enumerable.Repeat(AuditActions.AccessRefused, 12));
    }

    [Fact]
    public async Task A_juror_reads_the_dossier_of_a_forwarded_finalist_and_the_national_pool()
    {
        var juror = await portal.ClientAsync(Juror);
        var dossier = await juror.GetPageAsync(MatrixFixture.Resolve("/National/Dossier/{pooled}", portal.Denpasar));
        dossier.QuerySelector("h1")!.TextContent.Trim().ShouldBe("Bank BPD Bali");
        dossier.QuerySelector("[data-testid=dossier-head]")!.TextContent.ShouldContain("Bali");
        // As the Bali plenary forwarded it (demo: plenaries.json): rank 1 of its category.
        dossier.QuerySelector("[data-testid=provincial-rank]")!.TextContent.Trim().ShouldBe("1");
        // No link into the provincial pages, which the juror may not open.
        dossier.QuerySelectorAll("a[href^='/Nominations'], a[href^='/FieldWork']").ShouldBeEmpty();

        var pool = await juror.GetPageAsync("/National?cycle=2021");
        var names = pool.QuerySelectorAll("[data-testid=pool-row] [data-testid=name]").Select(a => a.TextContent.Trim()).ToList();
        names.ShouldContain("Bank BPD Bali");
        names.ShouldContain("Pemerintah Provinsi Bali");
        names.ShouldContain("KAPIT MAS");
        // Pemerintah Kota Denpasar was not forwarded (plenaries.json): not in the pool.
        names.ShouldNotContain("Pemerintah Kota Denpasar");
    }

    [Fact]
    public async Task A_juror_and_the_secretariat_download_a_pooled_finalists_evidence_file_byte_for_byte_from_its_dossier()
    {
        // The bytes the matrix uploaded through the field-work page (MatrixFixture), listed for the pooled finalist.
        var expected = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var url = MatrixFixture.Resolve("/National/DossierFile/{pooled}/{pooledFile}", portal.Denpasar);
        var juror = await portal.ClientAsync(Juror);
        var dossier = await juror.GetPageAsync(MatrixFixture.Resolve("/National/Dossier/{pooled}", portal.Denpasar));
        dossier.QuerySelectorAll("[data-testid=ev-file] a").Select(a => a.GetAttribute("href")).ShouldContain(url);

        foreach (var client in new[] { juror, await portal.ClientAsync(AccessMatrix.Accounts[Who.Administrator]) })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("bukti-nasional.pdf");
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(expected);
        }

        // Removed by its province: no longer sent.
        var file = portal.Denpasar["pooledFile"];
        await TestDatabase.ExecuteAsync($"UPDATE evidence_files SET is_removed = true WHERE id = '{file}'", portal.Database);
        try
        {
            using var removed = await juror.GetAsync(url);
            removed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            await TestDatabase.ExecuteAsync($"UPDATE evidence_files SET is_removed = false WHERE id = '{file}'", portal.Database);
        }
    }

    [Fact]
    public async Task No_provincial_role_sees_a_national_score_and_the_administrator_does()
    {
        var round = portal.Denpasar["nationalRound"];
        var pooled = portal.Denpasar["pooled"];

        // The administrator (national secretariat) sees the juror's card in the national pool: 88,50 in the round's column.
        var admin = await portal.ClientAsync(AccessMatrix.Accounts[Who.Administrator]);
        var pool = await admin.GetPageAsync("/National?cycle=2021");
        var header = pool.QuerySelectorAll("section[data-category=BESAR] thead th").Select(th => th.TextContent.Trim()).ToList();
        var column = header.IndexOf("Matriks Nasional");
        column.ShouldBeGreaterThan(0);
        var row = pool.QuerySelector($"[data-testid=pool-row][data-nomination='{pooled}']")!;
        row.QuerySelectorAll("td")[column].TextContent.Trim().ShouldBe("88,50");

        foreach (var email in new[] { "ketua.jateng@paritrana.demo", "ketua.bali@paritrana.demo", "anggota.bali@paritrana.demo" })
        {
            var chair = await portal.ClientAsync(email);
            var answers = new List<string>();
            foreach (var url in new[]
                     {
                         "/National?cycle=2021", $"/National/Dossier/{pooled}", "/National/Rounds?cycle=2021",
                         $"/Scoring/Rounds/Details/{round}", $"/Scoring/Card?round={round}&nomination={pooled}",
                         $"/Scoring/CardHistory/{portal.Denpasar["nationalCard"]}",
                     })
            {
                using var response = await chair.GetAsync(url);
                answers.Add($"{url} {MatrixFixture.Answer(response)}");
            }

            var history = email.StartsWith("ketua", StringComparison.Ordinal) ? "404" : "302 /Account/AccessDenied";
            answers.ShouldBe(
            [
                "/National?cycle=2021 302 /Account/AccessDenied",
                $"/National/Dossier/{pooled} 302 /Account/AccessDenied",
                "/National/Rounds?cycle=2021 302 /Account/AccessDenied",
                $"/Scoring/Rounds/Details/{round} 404",
                $"/Scoring/Card?round={round}&nomination={pooled} 404",
                $"/Scoring/CardHistory/{portal.Denpasar["nationalCard"]} {history}",
            ], email);

            // The province's own rounds and ranking of 2021 show no national round and no national figure.
            foreach (var url in new[] { "/Scoring/Rounds/Index?cycle=2021", "/Scoring/Ranking?cycle=2021", "/Shortlist/Index?cycle=2021" })
            {
                var body = (await chair.GetPageAsync(url)).Body!.TextContent;
                body.ShouldNotContain("Matriks Nasional", customMessage: $"{email} {url}");
                body.ShouldNotContain("88,50", customMessage: $"{email} {url}");
            }
        }

        // Bali's chair sees the national outcome of its own finalist: its status, and no national figure.
        var bali = await portal.ClientAsync("ketua.bali@paritrana.demo");
        var details = (await bali.GetPageAsync($"/Nominations/Details/{pooled}")).Body!.TextContent;
        details.ShouldContain("Diteruskan ke tingkat nasional");
        details.ShouldNotContain("88,50");
        details.ShouldNotContain("Matriks Nasional");
    }
}
