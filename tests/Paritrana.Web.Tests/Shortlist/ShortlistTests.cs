using System.Text;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Tests.Reports;

namespace Paritrana.Web.Tests.Shortlist;

/// <summary>Shortlist, plenary decisions, the finalist report PDF and the exports (issue 6).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ShortlistTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ShortlistTestData _data = new(portal.Database);

    private Task<ShortlistScenario> ScenarioAsync() => _data.ScenarioAsync();

    [Fact]
    public async Task The_shortlist_ranks_by_total_flags_the_tie_and_shows_how_it_was_broken()
    {
        var s = await ScenarioAsync();
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var page = await client.GetPageAsync($"/Shortlist?cycle={s.Cycle.YearText}");
        var rows = page.QuerySelectorAll("[data-testid=shortlist-row]").ToList();
        rows.Select(r => r.GetAttribute("data-nomination")).ShouldBe(new[] { s.A, s.C, s.B, s.D }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var texts = rows.Select(PortalClient.Text).ToList();
        texts[0].ShouldStartWith($"1 PT Alfa {s.Tag}");
        texts[0].ShouldContain("86,50");
        texts[1].ShouldContain("76,00");
        texts[1].ShouldContain("Seri nilai wawancara lebih tinggi");
        texts[2].ShouldStartWith($"3 PT Beta {s.Tag}");
        texts[2].ShouldContain("Seri");
        texts[3].ShouldContain("60,00"); // the conflicted member's 100s are left out
        rows[0].QuerySelector("[data-testid=tie]").ShouldBeNull();
        page.QuerySelector("[data-testid=scores-hidden-notice]").ShouldBeNull();
    }

    [Fact]
    public async Task The_member_who_declared_a_conflict_with_Delta_reads_the_shortlist_without_Deltas_figures_and_without_ranks()
    {
        var s = await ScenarioAsync();
        using var client = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Member);
        var page = await client.GetPageAsync($"/Shortlist?cycle={s.Cycle.YearText}");
        var rows = page.QuerySelectorAll("[data-testid=shortlist-row]").ToList();
        rows.Select(r => r.GetAttribute("data-nomination")).ShouldBe(new[] { s.A, s.C, s.B, s.D }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Delta's rank would tell where its hidden total lies: no rank, tie or default finalist in the category.
        rows.Select(PortalClient.Text).ShouldBe(
        [
            $"— PT Alfa {s.Tag} Kota Denpasar 85,00 88,75 86,50 90,00 % 0 Sudah dinilai",
            $"— PT Gama {s.Tag} Kota Denpasar 70,00 85,00 76,00 90,00 % 0 Sudah dinilai",
            $"— PT Beta {s.Tag} Kota Denpasar 80,00 70,00 76,00 90,00 % 0 Sudah dinilai",
            $"— PT Delta {s.Tag} Kota Denpasar — — — 90,00 % 0 Nilai disembunyikan karena Anda menyatakan konflik kepentingan dengan kandidat ini. Sudah dinilai",
        ]);
        PortalClient.Text(page.QuerySelector("[data-testid=ranks-withheld]")).ShouldBe(
            "Peringkat, seri dan usulan finalis kategori ini tidak ditampilkan selama nilai sebagian kandidatnya disembunyikan untuk Anda.");
        page.QuerySelector("[data-testid=scores-hidden-notice]").ShouldNotBeNull();
        page.QuerySelector("a[href*='/Plenary']").ShouldBeNull(); // members read only
    }

    [Fact]
    public async Task Only_the_chair_decides_a_member_is_refused_and_nothing_changes()
    {
        var s = await ScenarioAsync();
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Member);
        var response = await member.GetAsync($"/Plenary?cycle={s.Cycle.YearText}");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.Scored);
    }

    [Fact]
    public async Task The_chair_must_give_a_reason_to_depart_from_the_ranking_then_decides_and_forwards()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var url = $"/Plenary?cycle={s.Cycle.YearText}";
        var page = await chair.GetPageAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#plenary-form")!;
        var fields = PortalClient.ReadForm(form).Where(f => f.Key != "Input.Finalists").ToList();
        fields.RemoveAll(f => f.Key is "Input.HeldOn" or "Input.Place" or "Input.Attendees" or "Input.Decision");
        fields.AddRange([new("Input.HeldOn", "2025-11-20"), new("Input.Place", "Kantor Gubernur Bali"), new("Input.Attendees", "Ketua, anggota"), new("Input.Decision", "Menetapkan finalis.")]);

        // A and B instead of A and C (the default): refused without a reason, nothing changed.
        var departing = fields.Concat([new("Input.Finalists", s.A.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Finalists", s.B.ToString(System.Globalization.CultureInfo.InvariantCulture))]).ToList();
        var refused = await chair.PostFieldsAsync(url + "&handler=Decide", departing);
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var refusedPage = await PortalClient.ParseAsync(refused);
        PortalClient.Text(refusedPage.QuerySelector("[data-testid=errors]")).ShouldContain("Kategori Perusahaan Besar: tuliskan alasan, karena pilihan finalis berbeda dari urutan peringkat (N teratas).");
        (await _data.StatusAsync(s.B)).ShouldBe(NominationStatus.Scored);

        // With the reason it is decided: statuses, history rows, decision rows and audit.
        departing.RemoveAll(f => f.Key.StartsWith("Input.Rationales", StringComparison.Ordinal));
        departing.Add(new($"Input.Rationales[{s.Cycle.CategoryId}]", "Beta lebih baik dalam kunjungan lapangan."));
        // "Tetapkan" first shows the choice for confirmation; nothing is decided until "Ya, tetapkan".
        var confirmation = await chair.PostFieldsAsync(url + "&handler=Decide", departing);
        confirmation.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var confirm = await PortalClient.ParseAsync(confirmation);
        PortalClient.Text(confirm.QuerySelector("[data-testid=errors]")).ShouldBe("");
        confirm.QuerySelectorAll("[data-testid=confirm-finalist]").Select(PortalClient.Text).ShouldBe([$"PT Alfa {s.Tag} — 86,50 (Peringkat 1)", $"PT Beta {s.Tag} — 76,00 (Peringkat 3)"]);
        (await _data.StatusAsync(s.B)).ShouldBe(NominationStatus.Scored);

        // "Kembali ke formulir": the form again with what was typed, still nothing decided.
        var back = await chair.SubmitFormAsync(confirm, url, "#confirm-form", new Dictionary<string, string>(), "button[name='Input.Edit']");
        back.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var kept = PortalClient.ReadForm((AngleSharp.Html.Dom.IHtmlFormElement)(await PortalClient.ParseAsync(back)).QuerySelector("#plenary-form")!);
        kept.Single(f => f.Key == "Input.Place").Value.ShouldBe("Kantor Gubernur Bali");
        kept.Single(f => f.Key == $"Input.Rationales[{s.Cycle.CategoryId}]").Value.ShouldBe("Beta lebih baik dalam kunjungan lapangan.");
        kept.Where(f => f.Key == "Input.Finalists").Select(f => f.Value).ShouldBe([s.A.ToString(System.Globalization.CultureInfo.InvariantCulture), s.B.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.Scored);

        var decided = await ShortlistTestData.ConfirmAsync(chair, confirm, url);
        decided.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        // The success message shows once (the layout shows it; the page does not repeat it).
        var after = await PortalClient.ParseAsync(await chair.FollowAsync(decided));
        after.QuerySelectorAll(".alert-dismissible").Length.ShouldBe(1);
        PortalClient.Text(after.QuerySelector("nav[aria-label='Jejak navigasi'] .breadcrumb-item.active")).ShouldBe("Rapat pleno");
        after.QuerySelector("h1")!.ClassList.ShouldContain("h3");
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.Finalist);
        (await _data.StatusAsync(s.B)).ShouldBe(NominationStatus.Finalist);
        (await _data.StatusAsync(s.C)).ShouldBe(NominationStatus.NotShortlisted);
        (await _data.StatusAsync(s.D)).ShouldBe(NominationStatus.NotShortlisted);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM status_changes WHERE nomination_id = ANY(@ids) AND action IN (7, 8)", ("ids", new[] { s.A, s.B, s.C, s.D }))).ShouldBe(4);
        (await TestDatabase.ScalarAsync<string>(portal.Database, "SELECT rationale FROM finalist_decisions WHERE nomination_id = @id", ("id", s.B))).ShouldBe("Beta lebih baik dalam kunjungan lapangan.");
        (await TestDatabase.ScalarAsync<decimal>(portal.Database, "SELECT total FROM finalist_decisions WHERE nomination_id = @id", ("id", s.A))).ShouldBe(86.5m);
        (await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE action = 'finalists.decided' AND {AuditSql.Text("details")} LIKE @d", ("d", $"finalists: {s.A}, {s.B};%"))).ShouldBe(1);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM audit_events WHERE action = 'nomination.status-changed' AND entity_id = @id", ("id", s.C.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ShouldBe(1);

        // Forward to the national level.
        var forward = await chair.SubmitFormAsync(url, "form[action*='handler=Forward']", new Dictionary<string, string>());
        forward.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.ForwardedToNational);
        (await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE action = 'finalists.forwarded' AND {AuditSql.Text("details")} LIKE @d", ("d", $"%{s.A}%"))).ShouldBe(1);
    }

    [Fact]
    public async Task The_finalist_report_pdf_has_the_names_totals_and_page_x_of_y()
    {
        var s = await ScenarioAsync();
        await using (var db = _data.Db())
        {
            // Finalists as the plenary would leave them.
            foreach (var id in new[] { s.A, s.C })
            {
                var n = await db.Nominations.FindAsync(id);
                n!.Status = NominationStatus.Finalist;
            }

            await db.SaveChangesAsync();
        }

        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var preview = await chair.GetPageAsync($"/Reports/Finalists?cycle={s.Cycle.YearText}");
        PortalClient.Text(preview.QuerySelector("[data-testid=report-title]")).ShouldBe($"Laporan Finalis Penghargaan Paritrana {s.Cycle.YearText}, Provinsi Bali");
        var response = await chair.GetAsync($"/Reports/Finalists?cycle={s.Cycle.YearText}&handler=Pdf");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = await ChromiumPdfTests.PageCountAsync(pdf);
        var text = PortalClient.Normalize(await ChromiumPdfTests.PdfToTextAsync(pdf));
        text.ShouldContain($"Laporan Finalis Penghargaan Paritrana {s.Cycle.YearText}, Provinsi Bali");
        text.ShouldContain($"PT Alfa {s.Tag}");
        text.ShouldContain($"PT Gama {s.Tag}");
        text.ShouldNotContain($"PT Beta {s.Tag}");
        text.ShouldContain("86,50");
        text.ShouldContain("76,00");
        text.ShouldContain("Kepatuhan sangat baik");
        text.ShouldContain($"Halaman 1 dari {pages}");
        text.ShouldContain($"Halaman {pages} dari {pages}");
        // Not decided at a plenary: a live draft, saying so, with a draft reference.
        text.ShouldContain($"PRT-DRAF-{s.Cycle.YearText}-51-");
        text.ShouldContain("DRAF: finalis belum ditetapkan dalam rapat pleno.");
        pages.ShouldBeGreaterThanOrEqualTo(4); // cover, summary, two finalists, decision
    }

    [Fact]
    public async Task The_shortlist_report_and_the_assessment_sheet_read_back_from_their_pdfs()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);

        var shortlist = await chair.GetAsync($"/Reports/Shortlist?cycle={s.Cycle.YearText}&handler=Pdf");
        shortlist.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var shortlistPdf = await shortlist.Content.ReadAsByteArrayAsync();
        var shortlistPages = await ChromiumPdfTests.PageCountAsync(shortlistPdf);
        var shortlistText = PortalClient.Normalize(await ChromiumPdfTests.PdfToTextAsync(shortlistPdf));
        // All ranked candidates, not only finalists, with their totals. A long name wraps inside its
        // table cell, and pdftotext -layout puts the wrapped part after the neighbouring cells.
        foreach (var name in new[] { "Alfa", "Beta", "Gama", "Delta" })
        {
            shortlistText.ShouldContain(name);
        }

        shortlistText.ShouldContain(s.Tag);

        shortlistText.ShouldContain("86,50");
        shortlistText.ShouldContain("60,00");
        shortlistText.ShouldContain($"Halaman {shortlistPages} dari {shortlistPages}");

        var sheet = await chair.GetAsync($"/Reports/Sheet?id={s.A}&handler=Pdf");
        sheet.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var sheetText = PortalClient.Normalize(await ChromiumPdfTests.PdfToTextAsync(await sheet.Content.ReadAsByteArrayAsync()));
        sheetText.ShouldContain($"PT Alfa {s.Tag}");
        sheetText.ShouldContain("Kepatuhan sangat baik");
        sheetText.ShouldNotContain($"PT Beta {s.Tag}");
    }

    [Fact]
    public async Task The_rankings_csv_is_exact()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var response = await chair.GetAsync($"/Reports?cycle={s.Cycle.YearText}&handler=RankingsCsv");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldBe(
            "Kategori;Peringkat;Nama;Kabupaten/kota;Status;Penilaian Dokumen;Wawancara;Total;Total lengkap;Cakupan (%);Butir pembinaan terbuka;Seri;Pemecah seri;Kelengkapan penilaian;Keterangan\r\n" +
            $"Perusahaan Besar;1;PT Alfa {s.Tag};Kota Denpasar;Sudah dinilai;85,00;88,75;86,50;Ya;90,00;0;Tidak;—;;\r\n" +
            $"Perusahaan Besar;2;PT Gama {s.Tag};Kota Denpasar;Sudah dinilai;70,00;85,00;76,00;Ya;90,00;0;Ya;nilai wawancara lebih tinggi;;\r\n" +
            $"Perusahaan Besar;3;PT Beta {s.Tag};Kota Denpasar;Sudah dinilai;80,00;70,00;76,00;Ya;90,00;0;Ya;nilai wawancara lebih tinggi;;\r\n" +
            $"Perusahaan Besar;4;PT Delta {s.Tag};Kota Denpasar;Sudah dinilai;60,00;60,00;60,00;Ya;90,00;0;Tidak;—;;\r\n");

        // The member who declared a conflict with Delta: no ranks or ties in the category, Delta without figures and why.
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Member);
        var memberText = Encoding.UTF8.GetString((await (await member.GetAsync($"/Reports?cycle={s.Cycle.YearText}&handler=RankingsCsv")).Content.ReadAsByteArrayAsync())[3..]);
        const string withheld = "Peringkat, seri dan usulan finalis kategori ini tidak ditampilkan selama nilai sebagian kandidatnya disembunyikan untuk Anda.";
        memberText.Split("\r\n").Skip(1).ShouldBe(
        [
            $"Perusahaan Besar;;PT Alfa {s.Tag};Kota Denpasar;Sudah dinilai;85,00;88,75;86,50;Ya;90,00;0;;;;{withheld}",
            $"Perusahaan Besar;;PT Gama {s.Tag};Kota Denpasar;Sudah dinilai;70,00;85,00;76,00;Ya;90,00;0;;;;{withheld}",
            $"Perusahaan Besar;;PT Beta {s.Tag};Kota Denpasar;Sudah dinilai;80,00;70,00;76,00;Ya;90,00;0;;;;{withheld}",
            $"Perusahaan Besar;;PT Delta {s.Tag};Kota Denpasar;Sudah dinilai;;;;;90,00;0;;;;Nilai disembunyikan karena Anda menyatakan konflik kepentingan dengan kandidat ini.",
            "",
        ]);
    }

    [Fact]
    public async Task A_nomination_of_another_province_cannot_be_made_a_finalist_by_posting_its_id()
    {
        var s = await ScenarioAsync();
        var jateng = await _data.NominationAsync(s.Cycle, $"PT Jateng {s.Tag}", [95m, 95m], [95m, 95m], regency: "33.74");
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var url = $"/Plenary?cycle={s.Cycle.YearText}";
        var page = await chair.GetPageAsync(url);
        var fields = PortalClient.ReadForm((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#plenary-form")!);
        fields.RemoveAll(f => f.Key is "Input.HeldOn" or "Input.Place" or "Input.Attendees");
        fields.AddRange([new("Input.HeldOn", "2025-11-20"), new("Input.Place", "Kantor Gubernur Bali"), new("Input.Attendees", "Ketua, anggota")]);
        fields.Add(new("Input.Finalists", jateng.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var refused = await chair.PostFieldsAsync(url + "&handler=Decide", fields);

        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=errors]")).ShouldBe("Hanya nominasi berstatus Sudah Dinilai yang dapat diputuskan.");
        (await _data.StatusAsync(jateng)).ShouldBe(NominationStatus.Scored);
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.Scored);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM finalist_decisions WHERE nomination_id = ANY(@ids)", ("ids", new[] { jateng, s.A, s.C }))).ShouldBe(0);
    }

    [Fact]
    public async Task The_raw_scores_csv_is_exact()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var response = await chair.GetAsync($"/Reports?cycle={s.Cycle.YearText}&handler=ScoresCsv");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"nilai-{s.Cycle.YearText}-51.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        // Sorted by category, name, round, card; the member's cards on Delta are marked as conflicted but still listed.
        const string chairName = "I Made Ketua";
        const string memberName = "Ni Luh Anggota";
        string Line(string name, string round, string scorer, string total, string conflicted) =>
            $"Perusahaan Besar;{name};{round};{scorer};{total};{conflicted};Kepatuhan;I1;Pendaftaran pekerja;{total};Baik;\r\n";
        text.ShouldBe(
            "Kategori;Nama;Babak;Penilai;Total kartu;Konflik kepentingan;Aspek;Kode indikator;Indikator;Nilai;Komentar;Kelengkapan penilaian\r\n" +
            Line($"PT Alfa {s.Tag}", "Penilaian Dokumen", chairName, "90,00", "Tidak") +
            Line($"PT Alfa {s.Tag}", "Penilaian Dokumen", memberName, "80,00", "Tidak") +
            Line($"PT Alfa {s.Tag}", "Wawancara", chairName, "88,50", "Tidak") +
            Line($"PT Alfa {s.Tag}", "Wawancara", memberName, "89,00", "Tidak") +
            Line($"PT Beta {s.Tag}", "Penilaian Dokumen", chairName, "80,00", "Tidak") +
            Line($"PT Beta {s.Tag}", "Penilaian Dokumen", memberName, "80,00", "Tidak") +
            Line($"PT Beta {s.Tag}", "Wawancara", chairName, "70,00", "Tidak") +
            Line($"PT Beta {s.Tag}", "Wawancara", memberName, "70,00", "Tidak") +
            Line($"PT Delta {s.Tag}", "Penilaian Dokumen", chairName, "60,00", "Tidak") +
            Line($"PT Delta {s.Tag}", "Penilaian Dokumen", memberName, "100,00", "Ya") +
            Line($"PT Delta {s.Tag}", "Wawancara", chairName, "60,00", "Tidak") +
            Line($"PT Delta {s.Tag}", "Wawancara", memberName, "100,00", "Ya") +
            Line($"PT Gama {s.Tag}", "Penilaian Dokumen", chairName, "70,00", "Tidak") +
            Line($"PT Gama {s.Tag}", "Penilaian Dokumen", memberName, "70,00", "Tidak") +
            Line($"PT Gama {s.Tag}", "Wawancara", chairName, "85,00", "Tidak") +
            Line($"PT Gama {s.Tag}", "Wawancara", memberName, "85,00", "Tidak"));

        // In English the headers and the yes/no cells are translated; the figures keep the decimal comma.
        using var english = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        (await english.SubmitFormAsync("/", "form.language-switch", new Dictionary<string, string>(), "button[name=language]")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var englishText = Encoding.UTF8.GetString((await (await english.GetAsync($"/Reports?cycle={s.Cycle.YearText}&handler=ScoresCsv")).Content.ReadAsByteArrayAsync())[3..]);
        englishText.Split("\r\n")[0].ShouldBe("Category;Name;Round;Scorer;Scorecard total;Conflict of interest;Aspect;Indicator code;Indicator;Score;Comments;Scoring completeness");
    }

    [Fact]
    public async Task The_forwarded_finalists_final_status_is_not_entered_by_hand()
    {
        var s = await ScenarioAsync();
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Chair);
        var plenary = $"/Plenary?cycle={s.Cycle.YearText}";
        var decide = await chair.SubmitFormAsync(plenary, "#plenary-form", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = "2025-11-20", ["Input.Place"] = "Kantor Gubernur Bali", ["Input.Attendees"] = "Ketua, anggota", ["Input.Decision"] = "Menetapkan finalis.",
        }, "button[formaction*='handler=Decide']");
        decide.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await ShortlistTestData.ConfirmAsync(chair, await PortalClient.ParseAsync(decide), plenary)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await chair.SubmitFormAsync(plenary, "form[action*='handler=Forward']", new Dictionary<string, string>())).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.ForwardedToNational);
        (await _data.StatusAsync(s.C)).ShouldBe(NominationStatus.ForwardedToNational);

        // The final status comes only from the national plenary (docs/decisions/047): the manual entry
        // is gone, and the nomination's own page offers the administrator no winner's step.
        (await chair.GetAsync($"/Plenary/National?cycle={s.Cycle.YearText}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Admin);
        var details = await admin.GetPageAsync($"/Nominations/Details/{s.A}");
        details.Body!.TextContent.ShouldNotContain("Catat sebagai pemenang");
        details.Body!.TextContent.ShouldNotContain("Catat bukan pemenang");
        (await _data.StatusAsync(s.A)).ShouldBe(NominationStatus.ForwardedToNational);
    }

    [Fact]
    public async Task Every_export_is_scoped_to_the_users_province()
    {
        var s = await ScenarioAsync();
        using var jateng = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.JatengChair);
        (await jateng.GetAsync($"/Reports/Sheet?id={s.A}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await jateng.GetAsync($"/Reports/Sheet?id={s.A}&handler=Pdf")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        foreach (var url in new[]
                 {
                     $"/Reports/Finalists?cycle={s.Cycle.YearText}", $"/Reports/Shortlist?cycle={s.Cycle.YearText}",
                     $"/Reports?cycle={s.Cycle.YearText}&handler=RankingsCsv", $"/Reports?cycle={s.Cycle.YearText}&handler=ScoresCsv",
                     $"/Shortlist?cycle={s.Cycle.YearText}",
                 })
        {
            var response = await jateng.GetAsync(url);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(s.Tag, customMessage: url);
        }

        using var bali = await portal.Factory.CreatePortalClient().SignedInAsAsync(ShortlistTestData.Member);
        var sheet = await bali.GetPageAsync($"/Reports/Sheet?id={s.A}");
        PortalClient.Text(sheet.QuerySelector("[data-testid=report-title]")).ShouldBe($"Lembar Penilaian: PT Alfa {s.Tag}");
    }
}
