using System.Globalization;
using AngleSharp.Html.Dom;
using Paritrana.Domain.National;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Paritrana.Web.Tests.Shortlist;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The national plenary (issue 17 point 4, docs/decisions/047), through its page with antiforgery
/// tokens: the provincial plenary's mechanism over the scope "00". Three forwarded finalists of one
/// category (one winner by default), two closed national rounds (administrative verification 60,
/// interview 40), one card each per round, totals worked out by hand:
/// A (Bali) 0.6 × 80 + 0.4 × 90 = 84; B (Jawa Tengah) 0.6 × 80 + 0.4 × 85 = 82;
/// C (Jawa Tengah) 0.6 × 85 + 0.4 × 77.5 = 82: B and C tie, broken by the interview (85 &gt; 77.5).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class NationalPlenaryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    private sealed record Scene(ScoringCycle Cycle, int A, int B, int C, int Documents, int Interview, string Tag)
    {
        public string Url => $"/National/Plenary?cycle={Cycle.YearText}";
    }

    private async Task<Scene> SceneAsync(RoundStatus interviewStatus = RoundStatus.Closed, bool cardOfC = true)
    {
        var cycle = await data.CycleAsync(finalists: 1);
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Categories["BESAR"]);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var large = cycle.Categories["BESAR"];
        var a = await data.NominationAsync(cycle, large, $"PT Alfa Nasional {tag}", "51.71", NominationStatus.ForwardedToNational);
        var b = await data.NominationAsync(cycle, large, $"PT Beta Nasional {tag}", "33.74", NominationStatus.ForwardedToNational);
        var c = await data.NominationAsync(cycle, large, $"PT Gama Nasional {tag}", "33.74", NominationStatus.ForwardedToNational);
        var documents = await data.RoundAsync(cycle, "Verifikasi Administrasi Nasional", 60m, RoundStatus.Closed, ["KEP"], NationalStage.Code, RoundKind.Documents, 1);
        var interview = await data.RoundAsync(cycle, "Wawancara Nasional", 40m, interviewStatus, ["WAW"], NationalStage.Code, RoundKind.Interview, 2);
        await CardAsync(documents, a, criteria, 80m);
        await CardAsync(interview, a, criteria, 90m);
        await CardAsync(documents, b, criteria, 80m);
        await CardAsync(interview, b, criteria, 85m);
        await CardAsync(documents, c, criteria, 85m);
        if (cardOfC)
        {
            await CardAsync(interview, c, criteria, 77.5m);
        }

        return new Scene(cycle, a, b, c, documents, interview, tag);
    }

    /// <summary>A submitted national card of juri3 (scope "00", as the engine stores a national card).</summary>
    private async Task CardAsync(int round, int nomination, TestCriteria criteria, decimal total)
    {
        await using var db = data.NewContext();
        var juror = await db.Users.Where(u => u.Email == "juri3@paritrana.demo").Select(u => u.Id).SingleAsync();
        db.Assignments.Add(new Assignment { RoundId = round, NominationId = nomination, ScorerId = juror, AssignedBy = juror, AssignedAt = DateTimeOffset.UtcNow });
        db.Scorecards.Add(new Scorecard
        {
            RoundId = round, NominationId = nomination, ScorerId = juror, CriteriaSetId = criteria.Id, ProvinceCode = NationalStage.Code,
            Status = ScorecardStatus.Submitted, Total = total, SubmittedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The plenary form with the record filled in, the given winners ticked, awards and a rationale.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(PortalClient admin, Scene s, IReadOnlyDictionary<int, string> winners, string? rationale)
    {
        var page = await admin.GetPageAsync(s.Url);
        var form = page.QuerySelector("#plenary-form") as IHtmlFormElement ?? throw new InvalidOperationException("No plenary form: " + PortalClient.Text(page.QuerySelector("main")));
        var fields = PortalClient.ReadForm(form);
        fields.RemoveAll(f => f.Key is "Input.HeldOn" or "Input.Place" or "Input.Attendees" or "Input.Minutes" or "Input.Decision" or "Input.Winners"
                              || f.Key.StartsWith("Input.Awards", StringComparison.Ordinal) || f.Key.StartsWith("Input.Rationales", StringComparison.Ordinal));
        fields.AddRange([
            new("Input.HeldOn", "2021-10-20"), new("Input.Place", "Kantor Kemenko PMK, Jakarta"), new("Input.Attendees", "Dr. Sri Juri\nAndi Juri"),
            new("Input.Minutes", "Juri membahas hasil wawancara."), new("Input.Decision", "Menetapkan pemenang."),
        ]);
        foreach (var (id, award) in winners)
        {
            fields.Add(new("Input.Winners", id.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new($"Input.Awards[{id}]", award));
        }

        if (rationale is not null)
        {
            fields.Add(new($"Input.Rationales[{s.Cycle.Categories["BESAR"]}]", rationale));
        }

        return fields;
    }

    /// <summary>"Tetapkan" (the confirmation step, or the page with its errors).</summary>
    private static async Task<IHtmlDocument> StepAsync(PortalClient admin, Scene s, IReadOnlyDictionary<int, string> winners, string? rationale)
    {
        using var step = await admin.PostFieldsAsync(s.Url + "&handler=Decide", await FormAsync(admin, s, winners, rationale));
        step.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await PortalClient.ParseAsync(step);
    }

    private async Task<NominationStatus> StatusAsync(int id) =>
        (NominationStatus)await data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", id));

    [Fact]
    public async Task The_national_plenary_ranks_decides_the_winners_with_their_awards_and_freezes_the_document()
    {
        var s = await SceneAsync();
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);

        // The national ranking: A first, B before C on the interview.
        var page = await admin.GetPageAsync(s.Url);
        page.QuerySelectorAll("[data-testid=candidate] label.form-check-label").Select(PortalClient.Text).ShouldBe(
        [
            $"1. PT Alfa Nasional {s.Tag} (Bali) — 84,00",
            $"2. PT Beta Nasional {s.Tag} (Jawa Tengah) — 82,00 Seri: nilai wawancara lebih tinggi",
            $"3. PT Gama Nasional {s.Tag} (Jawa Tengah) — 82,00 Seri: nilai wawancara lebih tinggi",
        ]);

        // Two winners where the default is one: refused without a rationale, beside the form.
        var winners = new Dictionary<int, string> { [s.A] = "Paritrana Award Terbaik I", [s.B] = "Paritrana Award Terbaik II" };
        var refused = await StepAsync(admin, s, winners, rationale: null);
        PortalClient.Text(refused.QuerySelector("[data-testid=errors]")).ShouldBe(
            "Kategori Perusahaan Besar: tuliskan alasan, karena pilihan pemenang berbeda dari urutan peringkat (N teratas).");
        // A winner without an award name: refused.
        var noAward = await StepAsync(admin, s, new Dictionary<int, string> { [s.A] = " " }, rationale: null);
        PortalClient.Text(noAward.QuerySelector("[data-testid=errors]")).ShouldBe($"Tuliskan nama penghargaan untuk pemenang PT Alfa Nasional {s.Tag}.");
        (await StatusAsync(s.A)).ShouldBe(NominationStatus.ForwardedToNational);

        var confirm = await StepAsync(admin, s, winners, "Dua perusahaan terbaik diberi penghargaan.");
        PortalClient.Text(confirm.QuerySelectorAll("[data-testid=confirm-winner]")[1]).ShouldBe($"PT Beta Nasional {s.Tag} (Jawa Tengah) — Paritrana Award Terbaik II — 82,00 (Peringkat 2)");
        (await ShortlistTestData.ConfirmAsync(admin, confirm, s.Url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The final statuses, through the workflow (history and audit), with the award names.
        (await StatusAsync(s.A)).ShouldBe(NominationStatus.Winner);
        (await StatusAsync(s.B)).ShouldBe(NominationStatus.Winner);
        (await StatusAsync(s.C)).ShouldBe(NominationStatus.NotWinner);
        var ids = new[] { s.A, s.B, s.C };
        (await data.RowsAsync("""
            SELECT d.nomination_id || ' ' || d.is_finalist || ' ' || d.rank || ' ' || d.total || ' ' || coalesce(d.national_award_name, '-')
            FROM finalist_decisions d JOIN plenaries p ON p.id = d.plenary_id WHERE p.cycle_id = @c AND p.province_code = '00' ORDER BY d.rank
            """, ("c", s.Cycle.Id))).ShouldBe(
        [
            $"{s.A} true 1 84.0000 Paritrana Award Terbaik I",
            $"{s.B} true 2 82.0000 Paritrana Award Terbaik II",
            $"{s.C} false 3 82.0000 -",
        ]);
        (await data.CountAsync("SELECT count(*) FROM status_changes WHERE nomination_id = ANY(@ids) AND action IN (10, 11)", ("ids", ids))).ShouldBe(3);
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'nomination.status-changed' AND entity_id = ANY(@ids)", ("ids", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()))).ShouldBe(3);
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action IN ('finalists.decided', 'decision-document.issued') AND province_code = '00' AND entity_id = (SELECT id::text FROM plenaries WHERE cycle_id = @c AND province_code = '00')", ("c", s.Cycle.Id))).ShouldBe(2);

        // The committees of both provinces are told, each under its own province.
        (await data.RowsAsync("""
            SELECT DISTINCT n.province_code || ' ' || n.subject || ' ' || n.link FROM notifications n
            WHERE n.kind = 'NationalResultDecided' AND n.subject = @y ORDER BY 1
            """, ("y", s.Cycle.YearText))).ShouldBe(
        [
            $"33 {s.Cycle.YearText} /Shortlist?cycle={s.Cycle.YearText}",
            $"51 {s.Cycle.YearText} /Shortlist?cycle={s.Cycle.YearText}",
        ]);

        // The frozen record: PRT-year-00-001, its snapshot with the provinces and awards, verifiable.
        var number = await data.ScalarAsync<string>("SELECT document_number FROM plenary_decision_versions v JOIN plenaries p ON p.id = v.plenary_id WHERE p.cycle_id = @c AND p.province_code = '00'", ("c", s.Cycle.Id));
        number.ShouldBe($"PRT-{s.Cycle.YearText}-00-001");
        var report = await admin.GetPageAsync($"/National/Report?cycle={s.Cycle.YearText}");
        var winnerSections = report.QuerySelectorAll("[data-testid=winner-section]");
        winnerSections.Select(w => PortalClient.Text(w.QuerySelector("[data-testid=award]"))).ShouldBe(["Paritrana Award Terbaik I", "Paritrana Award Terbaik II"]);
        var profile = winnerSections[0].QuerySelector("table")!.QuerySelectorAll("tr")
            .Select(tr => PortalClient.Text(tr.QuerySelector("th")) + ": " + PortalClient.Text(tr.QuerySelector("td"))).ToList();
        profile.ShouldContain("Provinsi: Bali");
        profile.ShouldContain("Kategori: Perusahaan Besar");
        profile.ShouldContain("Peringkat nasional: 1");
        profile.ShouldContain("Total nilai nasional: 84,00");
        var code = PortalClient.Text(report.QuerySelector("[data-testid=verification-code]"));
        var verify = await admin.GetPageAsync($"/Reports/Verify?code={code}");
        PortalClient.Text(verify.QuerySelector("[data-testid=number]")).ShouldBe(number);
        PortalClient.Text(verify.QuerySelector("[data-testid=verdict]")).ShouldBe("Dokumen ini asli dan masih berlaku.");

        // A later change of a card changes the live ranking, never the document.
        var before = PortalClient.Text(report.QuerySelector("article"));
        await data.ScalarAsync<int>("UPDATE scorecards SET total = 10 WHERE round_id = @r AND nomination_id = @n RETURNING 1", ("r", s.Documents), ("n", s.A));
        PortalClient.Text((await admin.GetPageAsync($"/National/Report?cycle={s.Cycle.YearText}")).QuerySelector("article")).ShouldBe(before);

        // A Jawa Tengah chair sees the outcome of its own finalists only, without a national score; no plenary, no report.
        using var jateng = await data.SignedInAsync(ScoringTestData.JatengChair);
        ScoringTestData.ShouldBeAccessDenied(await jateng.GetAsync(s.Url));
        ScoringTestData.ShouldBeAccessDenied(await jateng.GetAsync($"/National/Report?cycle={s.Cycle.YearText}"));
        var details = (await jateng.GetPageAsync($"/Nominations/Details/{s.B}")).Body!.TextContent;
        details.ShouldContain("Pemenang");
        details.ShouldNotContain("82,00");
        (await jateng.GetAsync($"/Nominations/Details/{s.A}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A juror reads the report but cannot decide.
        using var juror = await data.SignedInAsync("juri1@paritrana.demo");
        (await juror.GetAsync($"/National/Report?cycle={s.Cycle.YearText}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        ScoringTestData.ShouldBeAccessDenied(await juror.GetAsync(s.Url));

        // Re-opened with a reason: back to forwarded, awards gone, version 1 superseded; deciding again issues 002.
        (await admin.SubmitFormAsync(s.Url, "form[action*='handler=Reopen']", new Dictionary<string, string> { ["ReopenReason"] = "Salah ketik nama penghargaan." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(s.A)).ShouldBe(NominationStatus.ForwardedToNational);
        (await StatusAsync(s.C)).ShouldBe(NominationStatus.ForwardedToNational);
        (await data.CountAsync("SELECT count(*) FROM finalist_decisions d JOIN plenaries p ON p.id = d.plenary_id WHERE p.cycle_id = @c AND p.province_code = '00'", ("c", s.Cycle.Id))).ShouldBe(0);
        (await data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'plenary.reopened' AND province_code = '00'")).ShouldBeGreaterThan(0);
        var superseded = await admin.GetPageAsync($"/National/Report?cycle={s.Cycle.YearText}&version=1");
        superseded.QuerySelector("[data-testid=superseded]").ShouldNotBeNull();
        var again = await StepAsync(admin, s, new Dictionary<int, string> { [s.B] = "Paritrana Award Terbaik I" }, "Setelah skor diperbaiki.");
        (await ShortlistTestData.ConfirmAsync(admin, again, s.Url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.RowsAsync("SELECT document_number || ' ' || (superseded_at IS NULL) FROM plenary_decision_versions v JOIN plenaries p ON p.id = v.plenary_id WHERE p.cycle_id = @c AND p.province_code = '00' ORDER BY version_number", ("c", s.Cycle.Id)))
            .ShouldBe([$"PRT-{s.Cycle.YearText}-00-001 false", $"PRT-{s.Cycle.YearText}-00-002 true"]);
    }

    [Fact]
    public async Task The_national_plenary_is_refused_while_a_national_round_is_open_or_a_candidates_scores_are_incomplete()
    {
        var open = await SceneAsync(interviewStatus: RoundStatus.Open);
        using var admin = await data.SignedInAsync(ScoringTestData.Admin);
        var step = await StepAsync(admin, open, new Dictionary<int, string> { [open.A] = "Paritrana Award Terbaik I" }, null);
        step.QuerySelector("#confirm-form").ShouldBeNull();
        PortalClient.Text(step.QuerySelector("[data-testid=errors]"))
            .ShouldBe("Babak nasional Wawancara Nasional belum ditutup; tutup semua babak nasional sebelum memutuskan pemenang.");

        var incomplete = await SceneAsync(cardOfC: false);
        var refused = await StepAsync(admin, incomplete, new Dictionary<int, string> { [incomplete.A] = "Paritrana Award Terbaik I" }, null);
        // (Its documents score alone, 85, puts it first: the choice of A departs from the ranking too.)
        PortalClient.Text(refused.QuerySelector("[data-testid=errors]"))
            .ShouldStartWith($"Nilai PT Gama Nasional {incomplete.Tag} belum lengkap pada semua babak nasional; pemenang diputuskan dari nilai yang lengkap.");
        // Forced past the confirmation step: the service refuses it all the same.
        var forced = await FormAsync(admin, incomplete, new Dictionary<int, string> { [incomplete.A] = "Paritrana Award Terbaik I" }, null);
        forced.Add(new("Input.Confirmed", "true"));
        using var post = await admin.PostFieldsAsync(incomplete.Url + "&handler=Decide", forced);
        post.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(incomplete.A)).ShouldBe(NominationStatus.ForwardedToNational);
        (await data.CountAsync("SELECT count(*) FROM plenary_decision_versions v JOIN plenaries p ON p.id = v.plenary_id WHERE p.cycle_id = @c", ("c", incomplete.Cycle.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Two_tabs_deciding_the_national_plenary_at_once_exactly_one_decides_and_the_other_is_told()
    {
        using var first = await data.SignedInAsync(ScoringTestData.Admin);
        using var second = await data.SignedInAsync(ScoringTestData.Admin);
        var adminName = await data.UserNameAsync(ScoringTestData.Admin);
        for (var round = 0; round < 6; round++)
        {
            var s = await SceneAsync();
            var winners = new Dictionary<int, string> { [s.A] = "Paritrana Award Terbaik I" };
            var forms = new List<List<KeyValuePair<string, string>>>();
            foreach (var client in new[] { first, second })
            {
                var fields = await FormAsync(client, s, winners, null);
                fields.Add(new("Input.Confirmed", "true"));
                forms.Add(fields);
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = new[] { first, second }.Select((client, i) => Task.Run(async () =>
            {
                await gate.Task;
                return await client.PostFieldsAsync(s.Url + "&handler=Decide", forms[i]);
            })).ToArray();
            gate.SetResult();
            var responses = await Task.WhenAll(posts);
            var context = $"round {round}: {string.Join(", ", responses.Select(r => (int)r.StatusCode))}";
            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, context);
            var loser = await PortalClient.ParseAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
            var created = await data.ScalarAsync<DateTime>("SELECT v.created_at FROM plenary_decision_versions v JOIN plenaries p ON p.id = v.plenary_id WHERE p.cycle_id = @c", ("c", s.Cycle.Id));
            var wib = new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)).ToString("d MMMM yyyy HH.mm", CultureInfo.GetCultureInfo("id-ID")) + " WIB";
            PortalClient.Text(loser.QuerySelector("[data-testid=errors]")).ShouldBe(
                $"Rapat pleno ini sudah ditetapkan oleh {adminName} pada {wib} (dokumen PRT-{s.Cycle.YearText}-00-001). " +
                "Keputusan Anda tidak disimpan; muat ulang halaman untuk melihat keputusan itu.", context);
            (await data.CountAsync("SELECT count(*) FROM status_changes WHERE nomination_id = ANY(@ids) AND action IN (10, 11)", ("ids", new[] { s.A, s.B, s.C }))).ShouldBe(3, context);
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }
}
