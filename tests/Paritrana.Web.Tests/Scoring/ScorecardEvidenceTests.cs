using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Tests.FieldWork;

namespace Paritrana.Web.Tests.Scoring;

/// <summary>
/// The scorecard beside its evidence (issue 15, docs/decisions/035): the nomination's figures,
/// regulations, budgets, innovations, visit findings, coaching items and files, of exactly that
/// nomination; the coverage indicators KIN1–KIN3 computed from its figures and offered on an empty
/// card, changed only with a note; "Simpan dan berikutnya"; and nothing of a nomination outside
/// the scorer's scope. The government criteria: REG (50: REG1 levels 100) and KIN (50: KIN1 40,
/// KIN2 40, KIN3 20, all 0–100).
/// </summary>
public class ScorecardEvidenceTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly ScoringTestData data = new(portal);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private sealed record Government(int Nomination, int Visit, string Tag);

    private async Task<TestCriteria> GovernmentCriteriaAsync(ScoringCycle cycle)
    {
        await using var db = data.NewContext();
        var set = new CriteriaSet
        {
            CycleId = cycle.Id,
            CategoryId = cycle.Categories["PEMKAB"],
            VersionNumber = 1,
            IsCurrent = true,
            CreatedAt = DateTimeOffset.UtcNow,
            Aspects =
            [
                new Aspect
                {
                    Code = "REG", Name = "Regulasi", Weight = 50m, SortOrder = 1,
                    Indicators = [new Indicator { Code = "REG1", Name = "Peraturan daerah", Weight = 100m, Scale = ScaleKind.Levels, SortOrder = 1, Rubric1 = "a", Rubric2 = "b", Rubric3 = "c", Rubric4 = "d", Rubric5 = "e" }],
                },
                new Aspect
                {
                    Code = "KIN", Name = "Kinerja cakupan", Weight = 50m, SortOrder = 2,
                    Indicators =
                    [
                        new Indicator { Code = "KIN1", Name = "Cakupan PU", Weight = 40m, Scale = ScaleKind.Percent, SortOrder = 1 },
                        new Indicator { Code = "KIN2", Name = "Cakupan BPU", Weight = 40m, Scale = ScaleKind.Percent, SortOrder = 2 },
                        new Indicator { Code = "KIN3", Name = "Cakupan non-ASN", Weight = 20m, Scale = ScaleKind.Percent, SortOrder = 3 },
                    ],
                },
            ],
        };
        db.CriteriaSets.Add(set);
        await db.SaveChangesAsync();
        return new TestCriteria(set.Id, set.Aspects.SelectMany(a => a.Indicators).ToDictionary(i => i.Code, i => i.Id));
    }

    /// <summary>
    /// A regency government (Bali, 51.71 by default) ready for scoring, with the Bali figures of the
    /// demo, one regulation, budget, innovation, done visit and coaching item, all named by a tag.
    /// </summary>
    private async Task<Government> GovernmentAsync(ScoringCycle cycle, string regency = "51.71", DateTimeOffset? verifiedAt = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var creator = await data.UserIdAsync(ScoringTestData.Chair);
        await using var db = data.NewContext();
        var now = DateTimeOffset.UtcNow;
        var organisation = new Organisation
        {
            Type = OrganisationType.Government, Name = $"Pemerintah Uji {tag}", ProvinceCode = regency[..2], RegencyCode = regency, CreatedAt = now, UpdatedAt = now,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var nomination = new Nomination
        {
            CycleId = cycle.Id,
            CategoryId = cycle.Categories["PEMKAB"],
            OrganisationId = organisation.Id,
            ProvinceCode = organisation.ProvinceCode,
            RegencyCode = regency,
            Status = NominationStatus.ReadyForScoring,
            WorkforceBps = 2_530_000,
            ProtectedPu = 512_000,
            ProtectedBpu = 178_000,
            NonAsnWorkers = 13_900,
            NonAsnCovered = 9_800,
            VerifiedAt = verifiedAt,
            CreatedAt = now,
            UpdatedAt = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero),
            Regulations = [new GovernmentRegulation { Type = RegulationType.Perbup, Number = "7", Year = 2024, Title = $"Perlindungan pekerja rentan {tag}" }],
            Budgets = [new BudgetAllocation { Year = 2025, Amount = 9_500_000_000m, Purpose = $"Bantuan iuran {tag}", WorkersCovered = 62_000 }],
            Innovations = [new Innovation { Title = $"Inovasi desa adat {tag}", Description = "Pendaftaran lewat banjar.", Year = 2025 }],
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        var visit = new Visit
        {
            NominationId = nomination.Id, ProvinceCode = nomination.ProvinceCode, RegencyCode = regency, PlannedAt = now.AddDays(-3), Place = $"Kantor bupati {tag}",
            Purpose = "Verifikasi dokumen", Status = VisitStatus.Done, DoneAt = now.AddDays(-3), Findings = $"Temuan kunjungan {tag}", CreatedBy = creator, CreatedAt = now, UpdatedAt = now,
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        db.CoachingItems.Add(new CoachingItem
        {
            NominationId = nomination.Id, ProvinceCode = nomination.ProvinceCode, RegencyCode = regency, VisitId = visit.Id, Finding = $"Butir pembinaan {tag}",
            Recommendation = "Lengkapi daftar penerima.", DueDate = new DateOnly(2026, 11, 30), Status = CoachingStatus.Resolved, ResolutionNote = $"Sudah dilengkapi {tag}",
            CreatedBy = creator, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return new Government(nomination.Id, visit.Id, tag);
    }

    private async Task<Guid> UploadAsync(Government g)
    {
        using var chair = await data.SignedInAsync(ScoringTestData.Chair);
        using var upload = await FieldWorkTestData.UploadAsync(chair, $"/FieldWork/Files/Upload?nomination={g.Nomination}&visit={g.Visit}", Pdf, $"bukti-{g.Tag}.pdf", "application/pdf");
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await data.ScalarAsync<Guid>("SELECT id FROM evidence_files WHERE nomination_id = @n", ("n", g.Nomination));
    }

    private static string Texts(IHtmlDocument page, string selector) =>
        string.Join(" | ", page.QuerySelectorAll(selector).Select(PortalClient.Text));

    [Fact]
    public async Task The_card_shows_the_evidence_of_exactly_its_nomination_and_its_files_open_through_the_download_handler()
    {
        var cycle = await data.CycleAsync();
        await GovernmentCriteriaAsync(cycle);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["REG", "KIN"]);
        var mine = await GovernmentAsync(cycle, "51.71");
        var other = await GovernmentAsync(cycle, "51.03");
        var file = await UploadAsync(mine);
        await UploadAsync(other);
        await data.AssignAsync(round, mine.Nomination, ScoringTestData.Member);
        await data.AssignAsync(round, other.Nomination, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var response = await member.GetAsync(ScoringTestData.Card(round, mine.Nomination));
        var html = await response.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(html);

        Texts(page, "[data-testid=ev-regulation]").ShouldBe($"Peraturan Bupati (Perbup) 7 (2024) — Perlindungan pekerja rentan {mine.Tag}");
        Texts(page, "[data-testid=ev-budget]").ShouldBe($"2025 · Rp 9.500.000.000 — Bantuan iuran {mine.Tag} (62.000 pekerja dilindungi)");
        Texts(page, "[data-testid=ev-innovation]").ShouldBe($"Inovasi desa adat {mine.Tag} (2025)Pendaftaran lewat banjar.");
        Texts(page, "[data-testid=ev-visit] p:nth-child(2)").ShouldBe($"Temuan: Temuan kunjungan {mine.Tag}");
        Texts(page, "[data-testid=ev-coaching-item]").ShouldBe($"Selesai Butir pembinaan {mine.Tag} — Lengkapi daftar penerima. (tenggat 30 Nov 2026) Sudah dilengkapi {mine.Tag}");
        page.QuerySelectorAll("[data-testid=ev-file] a").Select(a => $"{a.GetAttribute("href")} {PortalClient.Text(a)}").ShouldBe([$"/FieldWork/Files/Download/{file} bukti-{mine.Tag}.pdf"]);
        page.QuerySelectorAll("#ev-figures tr[data-figure]").Select(r => $"{r.GetAttribute("data-figure")}={PortalClient.Text(r.QuerySelector("td"))}")
            .ShouldBe(["workforce=2.530.000", "protected-pu=512.000", "protected-bpu=178.000", "coverage=27,27 %", "non-asn=13.900", "non-asn-covered=9.800"]);
        html.ShouldNotContain(other.Tag);

        // Each indicator links to the evidence it names, on the same page.
        page.QuerySelectorAll("[data-testid=indicator]").Select(i => $"{i.GetAttribute("data-code")}:{string.Join(",", i.QuerySelectorAll("[data-evidence-link]").Select(a => a.GetAttribute("href")))}")
            .ShouldBe(["REG1:#ev-regulations,#ev-files", "KIN1:#ev-figures", "KIN2:#ev-figures", "KIN3:#ev-figures"]);
        foreach (var anchor in new[] { "ev-regulations", "ev-files", "ev-figures" })
        {
            page.GetElementById(anchor).ShouldNotBeNull();
        }

        using var download = await member.GetAsync($"/FieldWork/Files/Download/{file}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
    }

    [Fact]
    public async Task An_employers_figures_stand_against_its_latest_imported_BPJamsostek_figures_with_the_differences_marked()
    {
        var cycle = await data.CycleAsync();
        await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP", "WAW"]);
        // The nomination: 100 workers, 90 PU, 0 BPU, all programmes, no arrears, as of 31 Dec 1990. The import: 80 PU.
        var nomination = await data.NominationAsync(cycle, cycle.Large, $"PT Bukti {Guid.NewGuid():N}"[..20]);
        await using (var db = data.NewContext())
        {
            var organisation = await db.Organisations.SingleAsync(o => db.Nominations.Any(n => n.Id == nomination && n.OrganisationId == o.Id));
            (organisation.LatestAsOf, organisation.LatestWorkers, organisation.LatestParticipantsPu, organisation.LatestParticipantsBpu, organisation.LatestPrograms, organisation.LatestArrearsMonths) =
                (new DateOnly(1990, 12, 31), 100, 80, 0, Programs.All, 0);
            await db.SaveChangesAsync();
        }

        await data.AssignAsync(round, nomination, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        var page = await member.GetPageAsync(ScoringTestData.Card(round, nomination));

        page.QuerySelectorAll("#ev-figures tr[data-figure]").Take(7)
            .Select(r => $"{r.GetAttribute("data-figure")}: {PortalClient.Text(r.QuerySelector("td.nominated"))} / {PortalClient.Text(r.QuerySelector("td.imported"))}")
            .ShouldBe([
                "as-of: 31 Des 1990 / 31 Des 1990",
                "workers: 100 / 100",
                "participants-pu: 90 berbeda / 80",
                "participants-bpu: 0 / 0",
                "coverage: 90,00 % berbeda / 80,00 %",
                "programs: JKK, JKM, JHT, JP, JKP / JKK, JKM, JHT, JP, JKP",
                "arrears: 0 / 0",
            ]);
        page.QuerySelectorAll("[data-testid=indicator]").Select(i => i.QuerySelector("[data-evidence-link]")?.GetAttribute("href")).ShouldBe(["#ev-figures", "#ev-figures", "#ev-visits"]);
    }

    [Fact]
    public async Task The_coverage_indicators_are_computed_from_the_figures_marked_so_and_saved_as_offered()
    {
        var cycle = await data.CycleAsync();
        var criteria = await GovernmentCriteriaAsync(cycle);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["REG", "KIN"]);
        // Verified on 2 Nov 2026 at 10:00 WIB.
        var g = await GovernmentAsync(cycle, verifiedAt: new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));
        await data.AssignAsync(round, g.Nomination, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        var page = await member.GetPageAsync(ScoringTestData.Card(round, g.Nomination));

        // 512,000 / 2,530,000 = 20.237 % -> 20.24; 178,000 / (2,530,000 - 512,000) = 8.8206 % -> 8.82; 9,800 / 13,900 = 70.504 % -> 70.50.
        Enumerable.Range(1, 3).Select(i => page.QuerySelector<IHtmlInputElement>($"input[name='Input.Scores[{i}].Value']")!.Value).ShouldBe(["20.24", "8.82", "70.5"]);
        Texts(page, $"#ind-{criteria.Indicators["KIN1"]}-computed").ShouldBe(
            "dihitung dari data Nilai terhitung 20,24 dari angka nominasi (diverifikasi kantor cabang 2 Nov 2026). Boleh diubah; bila diubah, tulis alasannya di catatan.");
        page.QuerySelector<IHtmlInputElement>("input[name='Input.Scores[1].Value']")!.GetAttribute("aria-describedby").ShouldBe($"ind-{criteria.Indicators["KIN1"]}-computed");
        ScoringTestData.Text(page, "[data-testid=progress]").ShouldBe("3 dari 4 indikator terisi");
        page.QuerySelector($"#ind-{criteria.Indicators["REG1"]}-computed").ShouldBeNull();

        using var saved = await member.SubmitFormAsync(ScoringTestData.Card(round, g.Nomination), "#scorecard-form", new Dictionary<string, string>(), "#save-button");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.RowsAsync("SELECT i.code, s.value, coalesce(s.comment, '') FROM scores s JOIN indicators i ON i.id = s.indicator_id JOIN scorecards c ON c.id = s.scorecard_id WHERE c.nomination_id = @n ORDER BY i.code", ("n", g.Nomination)))
            .ShouldBe(["KIN1 | 20.24 | ", "KIN2 | 8.82 | ", "KIN3 | 70.50 | "]);
    }

    [Fact]
    public async Task A_computed_value_changed_without_a_note_is_refused_beside_its_field_and_with_a_note_it_is_kept_in_the_history_and_audit()
    {
        var cycle = await data.CycleAsync();
        var criteria = await GovernmentCriteriaAsync(cycle);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["REG", "KIN"]);
        var g = await GovernmentAsync(cycle);
        await data.AssignAsync(round, g.Nomination, ScoringTestData.Member);
        using var member = await data.SignedInAsync(ScoringTestData.Member);
        var url = ScoringTestData.Card(round, g.Nomination);

        using var refused = await member.SubmitFormAsync(url, "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "4", ["Input.Scores[1].Value"] = "25" }, "#save-button");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(refused);
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Scores[1].Value']").ShouldBe("Nilai KIN1 berbeda dari nilai yang dihitung dari data (20,24); tulis alasannya di catatan KIN1.");
        ScoringTestData.Text(page, "[data-valmsg-for='Input.Scores[0].Value']").ShouldBe("");
        page.QuerySelector<IHtmlInputElement>("input[name='Input.Scores[1].Value']")!.Value.ShouldBe("25");
        ScoringTestData.Text(page, $"#ind-{criteria.Indicators["KIN1"]}-computed").ShouldStartWith("berbeda dari nilai terhitung Nilai terhitung 20,24");
        (await data.CountAsync("SELECT count(*) FROM scorecards WHERE nomination_id = @n", ("n", g.Nomination))).ShouldBe(0L);

        using var saved = await member.SubmitFormAsync(url, "#scorecard-form",
            new Dictionary<string, string> { ["Input.Scores[0].Value"] = "4", ["Input.Scores[1].Value"] = "25", ["Input.Scores[1].Comment"] = "Angkatan kerja BPS 2025 lebih kecil." }, "#save-button");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await data.RowsAsync(
                """
                SELECT h.event, i.code, coalesce(h.new_value::text, '-'), coalesce(h.new_comment, '')
                FROM score_changes h JOIN scorecards c ON c.id = h.scorecard_id JOIN indicators i ON i.id = h.indicator_id
                WHERE c.nomination_id = @n ORDER BY i.code
                """, ("n", g.Nomination)))
            .ShouldBe(["saved | KIN1 | 25.00 | Angkatan kerja BPS 2025 lebih kecil.", "saved | KIN2 | 8.82 | ", "saved | KIN3 | 70.50 | ", "saved | REG1 | 4.00 | "]);
        var details = (await data.ScalarAsync<string>("SELECT details::text FROM audit_events WHERE action = 'scorecard.saved' AND entity_id = @n", ("n", ScoringTestData.Id(g.Nomination))))!;
        details.ShouldContain("\"KIN1 computed\"");
        details.ShouldContain("\"20.24\"");
        details.ShouldNotContain("KIN2 computed");

        // The card shows the value as changed, with its note.
        var card = await member.GetPageAsync(url);
        ScoringTestData.Text(card, $"#ind-{criteria.Indicators["KIN1"]}-computed").ShouldStartWith("berbeda dari nilai terhitung");
        card.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Scores[1].Comment']")!.Value.ShouldBe("Angkatan kerja BPS 2025 lebih kecil.");
    }

    [Fact]
    public async Task Save_and_next_opens_the_scorers_next_unsent_card_of_the_round_and_says_when_there_is_none()
    {
        var cycle = await data.CycleAsync();
        var criteria = await data.SmallCriteriaAsync(cycle, cycle.Large);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["KEP", "WAW"]);
        var other = await data.RoundAsync(cycle, "Wawancara", 100m, RoundStatus.Open, ["WAW"], order: 2);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var alfa = await data.NominationAsync(cycle, cycle.Large, $"PT {tag} Alfa");
        var beta = await data.NominationAsync(cycle, cycle.Large, $"PT {tag} Beta");
        var gamma = await data.NominationAsync(cycle, cycle.Large, $"PT {tag} Gamma");
        var delta = await data.NominationAsync(cycle, cycle.Large, $"PT {tag} Delta");
        var elsewhere = await data.NominationAsync(cycle, cycle.Large, $"PT {tag} Aaa");
        await data.AssignAsync(round, alfa, ScoringTestData.Member);
        await data.AssignAsync(round, gamma, ScoringTestData.Member);
        await data.AssignAsync(round, delta, ScoringTestData.Member);
        await data.AssignAsync(other, elsewhere, ScoringTestData.Member);
        // Beta: already sent by the member; Delta: a declared conflict; the other round's card is not of this round.
        await data.SubmittedCardAsync(round, beta, ScoringTestData.Member, criteria, 50m, ("KEP1", 3m), ("KEP2", 50m), ("WAW1", 3m));
        await data.ConflictAsync(delta, ScoringTestData.Member, "Saudara kandung bekerja di sana.");
        using var member = await data.SignedInAsync(ScoringTestData.Member);

        using var fromAlfa = await member.SubmitFormAsync(ScoringTestData.Card(round, alfa), "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "3" }, "#save-next-button");

        fromAlfa.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fromAlfa.Headers.Location!.OriginalString.ShouldBe(ScoringTestData.Card(round, gamma));
        ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(fromAlfa))).ShouldBe($"Draf kartu nilai tersimpan. Berikutnya: PT {tag} Gamma.");
        (await data.RowsAsync("SELECT s.value::text FROM scores s JOIN scorecards c ON c.id = s.scorecard_id WHERE c.nomination_id = @n", ("n", alfa))).ShouldBe(["3.00"]);

        // From Gamma (the last): round to the first unsent, Alfa, even with nothing changed.
        using var fromGamma = await member.SubmitFormAsync(ScoringTestData.Card(round, gamma), "#scorecard-form", new Dictionary<string, string>(), "#save-next-button");
        fromGamma.Headers.Location!.OriginalString.ShouldBe(ScoringTestData.Card(round, alfa));

        // The other round has one card only.
        using var alone = await member.SubmitFormAsync(ScoringTestData.Card(other, elsewhere), "#scorecard-form", new Dictionary<string, string> { ["Input.Scores[0].Value"] = "2" }, "#save-next-button");
        alone.Headers.Location!.OriginalString.ShouldBe(ScoringTestData.Card(other, elsewhere));
        ScoringTestData.Status(await PortalClient.ParseAsync(await member.FollowAsync(alone)))
            .ShouldBe("Draf kartu nilai tersimpan. Tidak ada kartu nilai lain di babak ini yang belum Anda kirim.");
    }

    [Fact]
    public async Task A_scorer_outside_the_nominations_scope_sees_nothing_of_its_evidence_even_with_an_assignment()
    {
        var cycle = await data.CycleAsync();
        await GovernmentCriteriaAsync(cycle);
        var round = await data.RoundAsync(cycle, "Penilaian Dokumen", 100m, RoundStatus.Open, ["REG", "KIN"]);
        var g = await GovernmentAsync(cycle);
        var file = await UploadAsync(g);
        // An assignment across provinces (the assignment page never makes one): the scope still holds.
        await data.AssignAsync(round, g.Nomination, ScoringTestData.JatengMember);
        using var jateng = await data.SignedInAsync(ScoringTestData.JatengMember);

        using var card = await jateng.GetAsync(ScoringTestData.Card(round, g.Nomination));
        using var download = await jateng.GetAsync($"/FieldWork/Files/Download/{file}");

        card.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await card.Content.ReadAsStringAsync()).ShouldNotContain(g.Tag);
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
