using System.Globalization;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Domain.Regions;
using Paritrana.Domain.Scoring;
using Paritrana.Web.Tests.Nominations;
using Paritrana.Web.Tests.Scoring;

namespace Paritrana.Web.Tests.Work;

/// <summary>
/// "Tugas saya" on the home page (issue 14): the branch officer's verification queue, returned
/// nominations and imports; the scorer's outstanding cards and the chair's view of the rounds.
/// Every line's count is checked against data made here and against the page its link opens.
/// The class's database starts with the demo; its cycles are closed first, so that only the data
/// made here is open.
/// </summary>
public class OfficerAndScorerWorkTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private readonly NominationTestData _nominations = new(portal);
    private readonly ScoringTestData _scoring = new(portal);

    public async Task InitializeAsync()
    {
        await TestDatabase.ExecuteAsync("UPDATE award_cycles SET is_closed = true; UPDATE scoring_rounds SET status = 3; DELETE FROM import_batches;", portal.Database);
        PortalHosts.ReferenceDataChanged(portal.Database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Midnight at the start of today in Bali (WITA, UTC+8), as an instant.</summary>
    private static DateTimeOffset BaliMidnight()
    {
        var today = ProvinceTime.Today(DateTimeOffset.UtcNow, "51");
        return new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
    }

    [Fact]
    public async Task The_branch_officer_sees_the_queue_with_its_oldest_wait_the_returned_nominations_and_the_imports_to_watch()
    {
        var cycle = await _nominations.CycleAsync();
        var older = await _nominations.NominationAsync(cycle, await _nominations.EmployerAsync("51.71"), NominationStatus.Submitted);
        var newer = await _nominations.NominationAsync(cycle, await _nominations.EmployerAsync("51.08"), NominationStatus.Submitted);
        var returned = await _nominations.NominationAsync(cycle, await _nominations.EmployerAsync("51.71"), NominationStatus.Returned);
        await _nominations.NominationAsync(cycle, await _nominations.EmployerAsync("51.71"));                                   // a draft: nothing to verify
        await _nominations.NominationAsync(cycle, await _nominations.EmployerAsync("51.04"), NominationStatus.Submitted);        // Gianyar's branch
        // Three calendar days in Bali, whatever the hour: an hour after midnight three days ago.
        await TestDatabase.ExecuteAsync($"UPDATE nominations SET updated_at = '{BaliMidnight().AddDays(-3).AddHours(1):O}' WHERE id = {older}", portal.Database);

        var now = DateTimeOffset.UtcNow;
        var denpasar = await BranchIdAsync("51.71");
        var gianyar = await BranchIdAsync("51.04");
        var running = await BatchAsync("ekstrak-desember.csv", ImportStatus.Running, denpasar, now.AddMinutes(-5), total: 1_200, processed: 300);
        var failed = await BatchAsync("ekstrak-november.csv", ImportStatus.Failed, denpasar, now.AddDays(-2));
        await BatchAsync("ekstrak-lama.csv", ImportStatus.Failed, denpasar, now.AddDays(-8));        // failed more than a week ago
        await BatchAsync("ekstrak-selesai.csv", ImportStatus.Completed, denpasar, now.AddHours(-1));
        await BatchAsync("ekstrak-gianyar.csv", ImportStatus.Running, gianyar, now.AddMinutes(-1));

        using var officer = await _nominations.SignedInAsync(NominationTestData.Denpasar);
        var home = await officer.GetPageAsync("/");
        WorkLines.Of(home).Select(l => (l.Group, l.Id, l.Count, l.Text, l.Detail, l.Href, l.Late)).ShouldBe(
        [
            ("verification", "awaiting-verification", 2, "Nominasi menunggu verifikasi", "terlama menunggu 3 hari", "/Verification", false),
            ("verification", $"returned-{cycle.Year}", 1, $"Nominasi dikembalikan, menunggu diperbaiki dan dikirim ulang ({cycle.Year})", null,
                $"/Nominations?cycle={cycle.Year}&status=Returned", false),
            ("imports", $"import-{running}", 1, "Impor ekstrak-desember.csv sedang berjalan", "300 dari 1.200 baris", $"/Imports/Progress/{running}", false),
            ("imports", $"import-{failed}", 1, "Impor ekstrak-november.csv gagal", "periksa penyebabnya dan unggah ulang", $"/Imports/Progress/{failed}", true),
        ]);

        // What the links open lists exactly what was counted.
        Ids(await officer.GetPageAsync("/Verification"), "queue-item").ShouldBe([older, newer]);
        Ids(await officer.GetPageAsync($"/Nominations?cycle={cycle.Year}&status=Returned"), "nomination-row").ShouldBe([returned]);

        await _nominations.CloseAsync(cycle);
        using var later = await _nominations.SignedInAsync(NominationTestData.Denpasar);
        WorkLines.Of(await later.GetPageAsync("/")).Select(l => l.Id).ShouldBe([$"import-{running}", $"import-{failed}"]);
    }

    [Fact]
    public async Task A_scorer_sees_their_outstanding_cards_per_open_round_and_the_chair_sees_the_committee_s()
    {
        var cycle = await _scoring.CycleAsync();
        var category = cycle.Categories["UMK"];
        var documents = await _scoring.RoundAsync(cycle, "Penilaian dokumen", 40m, RoundStatus.Open, ["KEP"], order: 1);
        var interview = await _scoring.RoundAsync(cycle, "Wawancara", 60m, RoundStatus.Open, ["WAW"], order: 2);
        var draftRound = await _scoring.RoundAsync(cycle, "Belum dibuka", 0m, RoundStatus.Draft, ["KEP"], order: 3);
        var criteria = await _scoring.SmallCriteriaAsync(cycle, category);
        var a = await _scoring.NominationAsync(cycle, category, "PT Satu " + Guid.NewGuid().ToString("N")[..6]);
        var b = await _scoring.NominationAsync(cycle, category, "PT Dua " + Guid.NewGuid().ToString("N")[..6]);
        var c = await _scoring.NominationAsync(cycle, category, "PT Tiga " + Guid.NewGuid().ToString("N")[..6]);
        await _scoring.AssignAsync(documents, a, ScoringTestData.Member, ScoringTestData.Chair);
        await _scoring.AssignAsync(documents, b, ScoringTestData.Member, ScoringTestData.Chair);
        await _scoring.AssignAsync(documents, c, ScoringTestData.Member);
        await _scoring.AssignAsync(interview, a, ScoringTestData.Member);
        await _scoring.AssignAsync(draftRound, b, ScoringTestData.Member);                                                  // not open: not yet work
        await _scoring.SubmittedCardAsync(documents, b, ScoringTestData.Member, criteria, 70m, ("KEP1", 4m), ("KEP2", 80m));   // done
        await _scoring.ConflictAsync(c, ScoringTestData.Member, "Kerabat pimpinan");                                              // not theirs to score
        // A conflict declared after the card was sent: neither assigned nor sent any more (the counts subtract it, WorkQueries).
        var d = await _scoring.NominationAsync(cycle, category, "PT Empat " + Guid.NewGuid().ToString("N")[..6]);
        await _scoring.SubmittedCardAsync(documents, d, ScoringTestData.Member, criteria, 65m, ("KEP1", 3m), ("KEP2", 70m));
        await _scoring.ConflictAsync(d, ScoringTestData.Member, "Pernah menjadi konsultannya");
        var inField = await _scoring.NominationAsync(cycle, category, "PT Lapangan " + Guid.NewGuid().ToString("N")[..6], status: NominationStatus.InFieldAssessment);
        var scored = await _scoring.NominationAsync(cycle, category, "PT Dinilai " + Guid.NewGuid().ToString("N")[..6], status: NominationStatus.Scored);

        using var member = await _scoring.SignedInAsync(ScoringTestData.Member);
        WorkLines.Of(await member.GetPageAsync("/")).Where(l => l.Group == "scoring").Select(l => (l.Id, l.Count, l.Text, l.Href)).ShouldBe(
        [
            ($"cards-{documents}", 1, "Kartu penilaian belum dikirim: Penilaian dokumen", "/Scoring"),
            ($"cards-{interview}", 1, "Kartu penilaian belum dikirim: Wawancara", "/Scoring"),
        ]);
        var outstanding = await member.GetPageAsync("/Scoring");
        outstanding.QuerySelectorAll("[data-testid=outstanding-row]").Length.ShouldBe(2);

        // The chair: their own two cards, and the committee's outstanding ones per round (member a, chair a and b; member a in the interview).
        using var chair = await _scoring.SignedInAsync(ScoringTestData.Chair);
        var lines = WorkLines.Of(await chair.GetPageAsync("/"));
        lines.Where(l => l.Group == "committee" && l.Id.StartsWith("round-", StringComparison.Ordinal)).Select(l => (l.Id, l.Count, l.Href)).ShouldBe(
        [
            ($"round-{documents}", 3, $"/Scoring/Rounds/Details/{documents}"),
            ($"round-{interview}", 1, $"/Scoring/Rounds/Details/{interview}"),
        ]);
        lines.Where(l => l.Group == "scoring").Select(l => (l.Id, l.Count)).ShouldBe([($"cards-{documents}", 2)]);
        var steps = lines.Where(l => l.Group == "committee" && l.Id.StartsWith("status-", StringComparison.Ordinal)).ToList();
        steps.Select(l => (l.Id, l.Count, l.Text, l.Href)).ShouldBe(
        [
            ($"status-5-{cycle.Year}", 1, $"Dalam penilaian lapangan, menunggu ditandai siap dinilai ({cycle.Year})", $"/Nominations?cycle={cycle.Year}&status=InFieldAssessment"),
            ($"status-7-{cycle.Year}", 1, $"Sudah dinilai, menunggu keputusan rapat pleno ({cycle.Year})", $"/Nominations?cycle={cycle.Year}&status=Scored"),
        ]);
        Ids(await chair.GetPageAsync(steps[0].Href), "nomination-row").ShouldBe([inField]);
        Ids(await chair.GetPageAsync(steps[1].Href), "nomination-row").ShouldBe([scored]);

        // Members do not get the committee's lines.
        WorkLines.Of(await member.GetPageAsync("/")).Select(l => l.Group).Distinct().ShouldNotContain("committee");
    }

    [Fact]
    public async Task A_failed_regional_import_is_on_its_officers_list_like_an_employer_import_and_the_administrator_sees_their_own()
    {
        var now = DateTimeOffset.UtcNow;
        var denpasar = await BranchIdAsync("51.71");
        var admin = await _nominations.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @e", ("e", NominationTestData.AdminEmail));
        var employers = await BatchAsync("ekstrak-pemberi-kerja.csv", ImportStatus.Failed, denpasar, now.AddHours(-3));
        var regional = await BatchAsync("cakupan-wilayah.csv", ImportStatus.Failed, denpasar, now.AddHours(-1), kind: ImportKind.RegionalFigures);
        var adminRunning = await BatchAsync("cakupan-nasional.csv", ImportStatus.Running, null, now.AddMinutes(-2), total: 6_168, processed: 514, kind: ImportKind.RegionalFigures, user: admin);
        await BatchAsync("cakupan-lama.csv", ImportStatus.Failed, null, now.AddDays(-8), kind: ImportKind.RegionalFigures, user: admin);   // more than a week ago

        using var officer = await _nominations.SignedInAsync(NominationTestData.Denpasar);
        var lines = WorkLines.Of(await officer.GetPageAsync("/")).Where(l => l.Group == "imports").ToList();
        lines.Select(l => (l.Id, l.Count, l.Text, l.Href, l.Late)).ShouldBe(
        [
            ($"import-{regional}", 1, "Impor cakupan-wilayah.csv gagal", $"/Imports/Progress/{regional}", true),
            ($"import-{employers}", 1, "Impor ekstrak-pemberi-kerja.csv gagal", $"/Imports/Progress/{employers}", true),
        ]);

        // The link opens the batch with its error; its own kind's history lists it as failed.
        var progress = await officer.GetPageAsync(lines[0].Href);
        PortalClient.Text(progress.QuerySelector("[data-testid=status]")).ShouldBe("Gagal");
        PortalClient.Text(progress.QuerySelector("[data-testid=error]")).ShouldBe("Koneksi terputus");
        var history = await officer.GetPageAsync("/Imports/Regional");
        history.QuerySelectorAll("[data-testid=batch-row]").Select(r => (PortalClient.Text(r.QuerySelector("[data-testid=file]")), PortalClient.Text(r.QuerySelector("[data-testid=status]"))))
            .ShouldBe([("cakupan-wilayah.csv", "Gagal")]);

        // The administrator: their own import running, not the branch's failures (those are the officer's to handle).
        using var administrator = await _nominations.SignedInAsync(NominationTestData.AdminEmail);
        var home = await administrator.GetPageAsync("/");
        home.QuerySelector("[data-testid=provinces]").ShouldNotBeNull();
        WorkLines.Of(home).Select(l => (l.Group, l.Id, l.Count, l.Text, l.Detail, l.Href)).ShouldBe(
        [
            ("imports", $"import-{adminRunning}", 1, "Impor cakupan-nasional.csv sedang berjalan", "514 dari 6.168 baris", $"/Imports/Progress/{adminRunning}"),
        ]);
    }

    private async Task<int> BranchIdAsync(string regency) =>
        await _nominations.ScalarAsync<int>("SELECT branch_office_id FROM branch_office_areas WHERE regency_code = @r LIMIT 1", ("r", regency));

    private async Task<long> BatchAsync(string file, ImportStatus status, int? branch, DateTimeOffset createdAt, int total = 10, int processed = 0, ImportKind kind = ImportKind.Employers, Guid? user = null)
    {
        await using var db = _nominations.NewContext();
        var batch = new ImportBatch
        {
            Kind = kind, FileName = file, FileSize = 100, BranchOfficeId = branch, UserId = user, Status = status, TotalRows = total, ValidRows = total, ProcessedRows = processed,
            CreatedAt = createdAt, Error = status == ImportStatus.Failed ? "Koneksi terputus" : null,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync();
        return batch.Id;
    }

    private static List<int> Ids(IHtmlDocument page, string testId) =>
        page.QuerySelectorAll($"[data-testid={testId}]").Select(e => int.Parse(e.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();
}
