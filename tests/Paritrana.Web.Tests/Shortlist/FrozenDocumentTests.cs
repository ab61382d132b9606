using Paritrana.Domain.Nominations;
using Paritrana.Web.Tests.Scoring;
using static Paritrana.Web.Tests.Shortlist.PlenaryDriver;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>
/// The finalist report of a decided plenary is the frozen official record (issue 11, ADR 011): the
/// same text on every download whatever changes later, with its document number and verification
/// code; before the decision a live draft that says so; the minutes on the page and in print.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class FrozenDocumentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ChairName = "I Made Ketua";
    private const string MemberName = "Ni Luh Anggota";
    private readonly ShortlistTestData _data = new(portal.Database);
    private readonly PlenaryDriver _plenary = new(portal.Database);

    [Fact]
    public async Task The_report_of_a_decided_plenary_is_the_same_text_on_every_download_after_a_new_account_a_reopened_card_and_a_renamed_organisation()
    {
        var s = await _data.ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        (await DecideAsync(chair, s.Cycle)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var version = (await _plenary.VersionsAsync(s.Cycle)).Single();
        version.Number.ShouldBe($"PRT-{s.Cycle.YearText}-51-001");
        var pdfUrl = $"/Reports/Finalists?cycle={s.Cycle.YearText}&handler=Pdf";
        var previewUrl = $"/Reports/Finalists?cycle={s.Cycle.YearText}";

        var first = await PdfTextAsync(chair, pdfUrl);
        var preview = (await chair.GetPageAsync(previewUrl)).QuerySelector(".report-preview")!.InnerHtml;
        (await PdfTextAsync(chair, pdfUrl)).ShouldBe(first);

        // What the official document says: its number, code, the decision's moment and who took it.
        var text = PortalClient.Normalize(first);
        text.ShouldContain($"Nomor dokumen: {version.Number} (versi 1)");
        text.ShouldContain($"Ditetapkan: {Wita(version.CreatedAt)} oleh {ChairName}");
        text.ShouldContain($"Kode verifikasi: {version.PrintedCode}");
        text.ShouldContain($"{version.Number} · ditetapkan {Wita(version.CreatedAt)} · kode verifikasi {version.PrintedCode}");
        text.ShouldContain($"PT Alfa {s.Tag}");
        text.ShouldContain($"PT Gama {s.Tag}");
        text.ShouldNotContain($"PT Beta {s.Tag}");
        text.ShouldContain("86,50");
        text.ShouldContain($"{ChairName} Ketua");
        text.ShouldContain($"{MemberName} Anggota");
        text.ShouldNotContain("DRAF");
        text.ShouldNotContain("dibuat");

        // 1. A new committee account in the province: the live shortlist report lists it, the record does not.
        var newcomer = $"Anggota Baru {s.Tag}";
        await new ScoringTestData(portal).CommitteeMemberAsync(newcomer);
        using (var live = await chair.GetAsync($"/Reports/Shortlist?cycle={s.Cycle.YearText}"))
        {
            (await live.Content.ReadAsStringAsync()).ShouldContain(newcomer);
        }

        await SameAsync();

        // 2. A card reopened: the chair's documents card of Alfa back to draft. Live, Alfa's documents
        // score is the member's 80,00 alone and its total 0,6 × 80 + 0,4 × 88,75 = 83,50.
        await TestDatabase.ExecuteAsync(
            $"UPDATE scorecards SET status = 1, total = NULL, submitted_at = NULL WHERE nomination_id = {s.A} AND round_id = {s.Cycle.DocumentsRound} AND scorer_id = (SELECT id FROM users WHERE email = '{ShortlistTestData.Chair}')",
            portal.Database);
        PortalClient.Text((await chair.GetPageAsync($"/Shortlist?cycle={s.Cycle.YearText}")).QuerySelector($"[data-nomination='{s.A}']")).ShouldContain("83,50");
        await SameAsync();

        // 3. The organisation renamed: the live shortlist shows the new name, the record the name decided on.
        await TestDatabase.ExecuteAsync($"UPDATE organisations SET name = 'PT Omega {s.Tag}' WHERE id = (SELECT organisation_id FROM nominations WHERE id = {s.A})", portal.Database);
        PortalClient.Text((await chair.GetPageAsync($"/Shortlist?cycle={s.Cycle.YearText}")).QuerySelector($"[data-nomination='{s.A}']")).ShouldContain($"PT Omega {s.Tag}");
        await SameAsync();

        async Task SameAsync()
        {
            (await PdfTextAsync(chair, pdfUrl)).ShouldBe(first);
            (await chair.GetPageAsync(previewUrl)).QuerySelector(".report-preview")!.InnerHtml.ShouldBe(preview);
        }
    }

    [Fact]
    public async Task Before_the_plenary_decides_the_finalist_report_is_a_live_draft_of_the_rankings_proposal_and_says_so()
    {
        var s = await _data.ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var preview = await chair.GetPageAsync($"/Reports/Finalists?cycle={s.Cycle.YearText}");

        PortalClient.Text(preview.QuerySelector("[data-testid=draft]")).ShouldBe(
            "DRAF: finalis belum ditetapkan dalam rapat pleno. Laporan ini dibuat dari data terkini dan dapat berubah. " +
            "Yang tercantum sebagai finalis adalah usulan peringkat (N teratas) sampai rapat pleno menetapkannya.");
        PortalClient.Text(preview.QuerySelector("[data-testid=document-number]")).ShouldStartWith($"Nomor dokumen: PRT-DRAF-{s.Cycle.YearText}-51-");
        preview.QuerySelector("[data-testid=verification-code]").ShouldBeNull();
        preview.QuerySelectorAll("[data-testid=finalist-section] h2").Select(PortalClient.Text).ShouldBe([$"PT Alfa {s.Tag}", $"PT Gama {s.Tag}"]);
        (await chair.GetAsync($"/Reports/Finalists?cycle={s.Cycle.YearText}&version=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _plenary.VersionsAsync(s.Cycle)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_minutes_are_shown_on_the_plenary_page_and_printed_in_the_report()
    {
        var s = await _data.ScenarioAsync();
        var minutes = $"Rapat dibuka pukul 09.00 oleh ketua.\nPeringkat tiap kategori dibacakan ({s.Tag}).";
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        (await DecideAsync(chair, s.Cycle, minutes: minutes)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await chair.GetPageAsync(PlenaryUrl(s.Cycle));
        page.QuerySelector("[data-testid=decided] [data-testid=minutes]")!.TextContent.ShouldBe(minutes);
        var report = await chair.GetPageAsync($"/Reports/Finalists?cycle={s.Cycle.YearText}");
        report.QuerySelector("[data-testid=minutes]")!.TextContent.ShouldBe(minutes);
        PortalClient.Normalize(await PdfTextAsync(chair, $"/Reports/Finalists?cycle={s.Cycle.YearText}&handler=Pdf"))
            .ShouldContain($"Notulen Rapat dibuka pukul 09.00 oleh ketua. Peringkat tiap kategori dibacakan ({s.Tag}).");
    }

    [Fact]
    public async Task The_decision_record_holds_every_decided_nomination_with_its_rounds_null_where_unscored_and_its_hash_checks_out()
    {
        var s = await _data.ScenarioAsync();
        // E: scored in the documents round only (its interview missing), so its total is incomplete.
        var e = await _data.NominationAsync(s.Cycle, $"PT Epsilon {s.Tag}", [50m, 50m], []);
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        (await DecideAsync(chair, s.Cycle)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        string Sql(string select) => $"SELECT {select} FROM plenary_decision_versions v JOIN plenaries p ON p.id = v.plenary_id WHERE p.cycle_id = {s.Cycle.Id}";
        (await TestDatabase.ScalarAsync<string>(portal.Database, $"""
            SELECT string_agg(n->>'id' || ':' || (n->>'status') || ':' || (n->>'isFinalist') || ':' || (n->>'rank') || ':' || round((n->'roundScores'->0->>'score')::numeric, 2)
                || ':' || coalesce(round((n->'roundScores'->1->>'score')::numeric, 2)::text, 'null') || ':' || (n->>'totalComplete'), ' ' ORDER BY (n->>'rank')::int)
            FROM plenary_decision_versions v JOIN plenaries p ON p.id = v.plenary_id, jsonb_array_elements(v.snapshot->'categories'->0->'nominations') n
            WHERE p.cycle_id = {s.Cycle.Id}
            """)).ShouldBe(string.Join(' ',
            $"{s.A}:Finalist:true:1:85.00:88.75:true",
            $"{s.C}:Finalist:true:2:70.00:85.00:true",
            $"{s.B}:NotShortlisted:false:3:80.00:70.00:true",
            $"{s.D}:NotShortlisted:false:4:60.00:60.00:true",
            $"{e}:NotShortlisted:false:5:50.00:null:false"));
        (await TestDatabase.ScalarAsync<string>(portal.Database, Sql("v.snapshot->'committee'->0->>'name' || ' / ' || (v.snapshot->'committee'->0->>'role') || ' / ' || (v.snapshot->>'schemaVersion')")))
            .ShouldBe($"{ChairName} / CommitteeChair / 1");
        (await TestDatabase.ScalarAsync<string>(portal.Database, Sql("v.snapshot->'categories'->0->'nominations'->0->'profile'->'strengths'->>0")))
            .ShouldBe("Kepatuhan sangat baik");

        // The stored hash is the SHA-256 of the canonical form of what is stored (as jsonb gives it back).
        var stored = (await TestDatabase.ScalarAsync<string>(portal.Database, Sql("v.snapshot::text")))!;
        var hash = (await TestDatabase.ScalarAsync<string>(portal.Database, Sql("v.sha256")))!;
        Domain.Scoring.DecisionDocument.HashOf(stored).ShouldBe(hash);
        (await TestDatabase.ScalarAsync<string>(portal.Database, Sql("v.verification_code")))
            .ShouldBe(Domain.Scoring.DecisionDocument.CodeOf(Convert.FromHexString(hash)));
        (await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE action = 'decision-document.issued' AND {AuditSql.Text("details")} = 'PRT-{s.Cycle.YearText}-51-001; version 1; sha256 {hash}'"))
            .ShouldBe(1);
        (await _data.StatusAsync(e)).ShouldBe(NominationStatus.NotShortlisted);
    }
}
