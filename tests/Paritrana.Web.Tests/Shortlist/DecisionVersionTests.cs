using System.Globalization;
using Paritrana.Domain.Nominations;
using static Paritrana.Web.Tests.Shortlist.PlenaryDriver;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>
/// Re-opening and re-deciding a plenary makes a new version of the record with a new number; the
/// earlier one stays downloadable and says it was superseded (issue 11, ADR 011). The verification
/// page tells which document a code or number is, within the user's scope.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class DecisionVersionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ChairName = "I Made Ketua";
    private const string Reason = "Nilai wawancara PT Gama salah dimasukkan.";
    private readonly ShortlistTestData _data = new(portal.Database);
    private readonly PlenaryDriver _plenary = new(portal.Database);

    [Fact]
    public async Task Re_deciding_gives_a_new_number_and_the_earlier_version_stays_downloadable_saying_it_was_superseded()
    {
        var s = await _data.ScenarioAsync();
        var year = s.Cycle.YearText;
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        (await DecideAsync(chair, s.Cycle)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // One nomination cannot be re-opened on its own, from its page.
        var version = await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT xmin::text::bigint FROM nominations WHERE id = {s.A}");
        var details = await chair.GetPageAsync($"/Nominations/Details/{s.A}");
        var token = details.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var single = await chair.PostFieldsAsync($"/Nominations/Details/{s.A}?handler=Transition",
                   [new("__RequestVerificationToken", token), new("action", "14"), new("reason", Reason), new("version", version.ToString(CultureInfo.InvariantCulture))]))
        {
            (await single.Content.ReadAsStringAsync()).ShouldContain("Langkah ini hanya dapat diambil untuk seluruh keputusan pada halaman rapat pleno.");
        }

        // Without a reason the decision stays, and the page says why beside the field.
        var empty = await ReopenAsync(chair, s.Cycle, "");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(empty)).QuerySelector("[data-valmsg-for=ReopenReason]")).ShouldBe("Alasan membuka kembali keputusan wajib diisi.");
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.Finalist);

        // Re-opened: back to Scored, decisions gone, version 1 superseded (when, by whom, why), audited.
        (await ReopenAsync(chair, s.Cycle, Reason)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var id in new[] { s.A, s.B, s.C, s.D })
        {
            (await _data.StatusAsync(id)).ShouldBe(NominationStatus.Scored);
        }

        // Scored again, a nomination cannot be made a finalist from its own page either: only a plenary decides.
        var scoredVersion = await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT xmin::text::bigint FROM nominations WHERE id = {s.A}");
        var scoredPage = await chair.GetPageAsync($"/Nominations/Details/{s.A}");
        scoredPage.QuerySelectorAll("form#action-DecideFinalist, form#action-DecideNotShortlisted").Length.ShouldBe(0);
        var scoredToken = scoredPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var single = await chair.PostFieldsAsync($"/Nominations/Details/{s.A}?handler=Transition",
                   [new("__RequestVerificationToken", scoredToken), new("action", ((int)NominationAction.DecideFinalist).ToString(CultureInfo.InvariantCulture)),
                    new("reason", ""), new("version", scoredVersion.ToString(CultureInfo.InvariantCulture))]))
        {
            (await single.Content.ReadAsStringAsync()).ShouldContain("Langkah ini hanya dapat diambil untuk seluruh keputusan pada halaman rapat pleno.");
        }

        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.Scored);

        var ids = new[] { s.A, s.B, s.C, s.D };
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM finalist_decisions WHERE nomination_id = ANY(@ids)", ("ids", ids))).ShouldBe(0);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM status_changes WHERE nomination_id = ANY(@ids) AND action = 14 AND \"to\" = 7 AND reason = @r", ("ids", ids), ("r", Reason))).ShouldBe(4);
        var v1 = (await _plenary.VersionsAsync(s.Cycle)).Single();
        v1.SupersededAt.ShouldNotBeNull();
        v1.SupersededReason.ShouldBe(Reason);
        (await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE action = 'plenary.reopened' AND {AuditSql.Text("details")} = @d",
            ("d", $"superseded: PRT-{year}-51-001; reason: {Reason}"))).ShouldBe(1);
        var superseded = PortalClient.Normalize(await PdfTextAsync(chair, $"/Reports/Finalists?cycle={year}&version=1&handler=Pdf"));
        superseded.ShouldContain("DIGANTIKAN: dokumen ini tidak berlaku lagi.");
        superseded.ShouldContain($"Keputusan pleno dibuka kembali pada {Wita(v1.SupersededAt!.Value)} oleh {ChairName}. Alasan: {Reason}");
        superseded.ShouldContain("Keputusan pengganti belum ditetapkan.");
        superseded.ShouldContain($"PRT-{year}-51-001 · DIGANTIKAN (Dibuka kembali) · kode verifikasi {v1.PrintedCode}");
        (await chair.GetPageAsync($"/Reports/Finalists?cycle={year}")).QuerySelector("[data-testid=draft]").ShouldNotBeNull();

        // Decided again, differently: version 2 with its own number and code; version 1 names it.
        (await DecideAsync(chair, s.Cycle, [s.A, s.B], rationale: "Beta lebih baik dalam kunjungan lapangan.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var versions = await _plenary.VersionsAsync(s.Cycle);
        versions.Select(v => (v.Version, v.Number, v.SupersededAt is null)).ShouldBe([(1, $"PRT-{year}-51-001", false), (2, $"PRT-{year}-51-002", true)]);
        versions[1].Code.ShouldNotBe(versions[0].Code);
        (await _data.StatusAsync(s.B)).ShouldBe(NominationStatus.Finalist);
        (await _data.StatusAsync(s.C)).ShouldBe(NominationStatus.NotShortlisted);

        var first = PortalClient.Normalize(await PdfTextAsync(chair, $"/Reports/Finalists?cycle={year}&version=1&handler=Pdf"));
        first.ShouldContain($"Digantikan oleh dokumen PRT-{year}-51-002, ditetapkan {Wita(versions[1].CreatedAt)}.");
        first.ShouldContain($"PRT-{year}-51-001 · DIGANTIKAN (PRT-{year}-51-002) · kode verifikasi {versions[0].PrintedCode}");
        first.ShouldContain($"PT Gama {s.Tag}");
        first.ShouldNotContain($"PT Beta {s.Tag}");
        var second = PortalClient.Normalize(await PdfTextAsync(chair, $"/Reports/Finalists?cycle={year}&handler=Pdf"));
        second.ShouldContain($"Nomor dokumen: PRT-{year}-51-002 (versi 2)");
        second.ShouldContain($"PT Beta {s.Tag}");
        second.ShouldContain("Beta lebih baik dalam kunjungan lapangan.");
        second.ShouldNotContain($"PT Gama {s.Tag}");
        second.ShouldNotContain("DIGANTIKAN");
        (await PdfTextAsync(chair, $"/Reports/Finalists?cycle={year}&version=2&handler=Pdf")).ShouldBe(await PdfTextAsync(chair, $"/Reports/Finalists?cycle={year}&handler=Pdf"));
        (await chair.GetAsync($"/Reports/Finalists?cycle={year}&version=3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var documents = (await chair.GetPageAsync(PlenaryUrl(s.Cycle))).QuerySelectorAll("[data-testid=document-row]").Select(PortalClient.Text).ToList();
        documents.Count.ShouldBe(2);
        documents[0].ShouldStartWith($"PRT-{year}-51-001 {Wita(versions[0].CreatedAt)} {versions[0].PrintedCode} Digantikan sejak {Wita(v1.SupersededAt.Value)}: {Reason}");
        documents[1].ShouldStartWith($"PRT-{year}-51-002 {Wita(versions[1].CreatedAt)} {versions[1].PrintedCode} Berlaku");

        // Once forwarded to the national level, the decision cannot be re-opened: refused, nothing changed.
        (await chair.SubmitFormAsync(PlenaryUrl(s.Cycle), "form[action*='handler=Forward']", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await chair.GetPageAsync(PlenaryUrl(s.Cycle));
        page.QuerySelector("form[action*='handler=Reopen']").ShouldBeNull();
        var plenaryVersion = await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT xmin::text::bigint FROM plenaries WHERE cycle_id = {s.Cycle.Id}");
        using var refused = await chair.PostFieldsAsync(PlenaryUrl(s.Cycle) + "&handler=Reopen", [
            new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Input.Version", plenaryVersion.ToString(CultureInfo.InvariantCulture)), new("ReopenReason", Reason),
        ]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=errors]"))
            .ShouldBe("Finalis keputusan ini sudah diteruskan ke tingkat nasional; keputusan pleno tidak dapat dibuka kembali.");
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.ForwardedToNational);
        (await _plenary.VersionsAsync(s.Cycle)).Count(v => v.SupersededAt is null).ShouldBe(1);
    }

    [Fact]
    public async Task The_verification_page_tells_which_document_a_code_or_number_is_within_the_users_scope()
    {
        var s = await _data.ScenarioAsync();
        var year = s.Cycle.YearText;
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        (await DecideAsync(chair, s.Cycle)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var v1 = (await _plenary.VersionsAsync(s.Cycle)).Single();
        var number = $"PRT-{year}-51-001";

        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Member);
        var typedLoosely = v1.Code.ToLowerInvariant().Insert(5, " ");
        foreach (var query in new[] { $"code={Uri.EscapeDataString(typedLoosely)}", $"number={number}", $"code={v1.PrintedCode}&number={number}" })
        {
            var found = await member.GetPageAsync($"/Reports/Verify?{query}");
            PortalClient.Text(found.QuerySelector("[data-testid=verdict]")).ShouldBe("Dokumen ini asli dan masih berlaku.", query);
            found.QuerySelectorAll("[data-testid=match] dl > *").Select(PortalClient.Text).ShouldBe(
            [
                "Dokumen", $"Laporan Finalis Penghargaan Paritrana {year}, Provinsi Bali", "Nomor dokumen", number, "Versi", "1",
                "Kode verifikasi", v1.PrintedCode, "Ditetapkan", $"{Wita(v1.CreatedAt)} oleh {ChairName}", "Status", "Berlaku",
            ], query);
        }

        // A code that matches nothing, or a right code with another number: not found, said as such.
        foreach (var query in new[] { "code=AAAAA-AAAAA", $"code={v1.PrintedCode}&number=PRT-{year}-51-002" })
        {
            using var none = await member.GetAsync($"/Reports/Verify?{query}");
            none.StatusCode.ShouldBe(HttpStatusCode.NotFound, query);
            var page = await PortalClient.ParseAsync(none);
            page.QuerySelector("[data-testid=no-match]").ShouldNotBeNull();
            page.QuerySelector("[data-testid=match]").ShouldBeNull();
        }

        // What cannot be a code is said beside the field (not looked up).
        var malformed = await member.GetPageAsync("/Reports/Verify?code=ABC");
        PortalClient.Text(malformed.QuerySelector("[data-valmsg-for=Code]")).ShouldBe("Kode verifikasi terdiri atas 10 huruf dan angka, misalnya K7Q2M-XW4TB.");

        // Jawa Tengah learns nothing of a Bali document; the national administrator verifies it.
        using var jateng = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.JatengChair);
        using (var other = await jateng.GetAsync($"/Reports/Verify?code={v1.PrintedCode}&number={number}"))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var body = await other.Content.ReadAsStringAsync();
            body.ShouldNotContain("Provinsi Bali");
            body.ShouldNotContain(ChairName);
        }

        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Admin);
        PortalClient.Text((await admin.GetPageAsync($"/Reports/Verify?code={v1.PrintedCode}")).QuerySelector("[data-testid=number]")).ShouldBe(number);

        // Superseded: still genuine, and says by which document.
        (await ReopenAsync(chair, s.Cycle, Reason)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DecideAsync(chair, s.Cycle)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var old = await member.GetPageAsync($"/Reports/Verify?code={v1.PrintedCode}");
        PortalClient.Text(old.QuerySelector("[data-testid=verdict]")).ShouldBe("Dokumen ini asli, tetapi sudah DIGANTIKAN dan tidak berlaku lagi.");
        PortalClient.Text(old.QuerySelector("[data-testid=status]")).ShouldEndWith($"Penggantinya: PRT-{year}-51-002.");

        // A stored snapshot altered behind the portal's back no longer matches its hash: said so.
        await TestDatabase.ExecuteAsync(
            $"UPDATE plenary_decision_versions SET snapshot = jsonb_set(snapshot, '{{decidedBy}}', '\"Orang Lain\"') WHERE document_number = 'PRT-{year}-51-002'", portal.Database);
        var tampered = await member.GetPageAsync($"/Reports/Verify?number=PRT-{year}-51-002");
        tampered.QuerySelector("[data-testid=tampered]").ShouldNotBeNull();
        tampered.QuerySelector("[data-testid=verdict]").ShouldBeNull();
    }
}
