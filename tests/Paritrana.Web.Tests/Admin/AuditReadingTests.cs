using System.Globalization;
using System.Reflection;
using System.Text;
using Paritrana.Domain.Auditing;
using Paritrana.Web.Pages.Admin.Audit;

namespace Paritrana.Web.Tests.Admin;

/// <summary>
/// The audit trail as a person reads it (issue 15, point 7): names, actions in words, details in
/// sentences with links, filters by every action, person and nomination, and the CSV of the same
/// events. Read from the demo's trail, which the services wrote as the demo accounts (ADR 034).
/// </summary>
public class AuditReadingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";

    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private const string ReturnReason =
        "Jumlah peserta BPU belum sesuai data BPJamsostek per 31 Desember 2024 (selisih sekitar 3.100 peserta). Mohon diperbaiki dan lampirkan rekapitulasi per kecamatan.";

    [Fact]
    public async Task A_status_change_names_the_person_the_nomination_and_the_statuses_in_words_with_a_link_to_the_nomination()
    {
        var buleleng = await CurrentNominationAsync("Pemerintah Kabupaten Buleleng");
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);

        var page = await admin.GetPageAsync($"/Admin/Audit?action={AuditActions.NominationStatusChanged}&nomination={buleleng}");

        var times = await TimesAsync($"action = '{AuditActions.NominationStatusChanged}' AND entity_type = 'nomination' AND entity_id = '{buleleng}'");
        Rows(page).ShouldBe(
        [
            new Row(times[0], "Petugas Kantor Cabang Denpasar", "Status nominasi diubah", "Pemerintah Kabupaten Buleleng", "Bali",
                $"Diajukan → Dikembalikan, Alasan: {ReturnReason}"),
            new Row(times[1], "Ni Luh Anggota", "Status nominasi diubah", "Pemerintah Kabupaten Buleleng", "Bali", "Draf → Diajukan"),
        ]);
        page.QuerySelectorAll("[data-testid=audit-row] [data-testid=record] a").Select(a => a.GetAttribute("href"))
            .ShouldBe([$"/Nominations/Details/{buleleng}", $"/Nominations/Details/{buleleng}"]);
    }

    [Fact]
    public async Task The_nomination_filter_takes_its_own_events_and_those_of_its_visits_and_coaching_items_and_the_person_filter_one_persons()
    {
        var denpasar = await CurrentNominationAsync("Pemerintah Kota Denpasar");
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);

        var page = await admin.GetPageAsync($"/Admin/Audit?nomination={denpasar}");

        // Worked out from the demo's data: Kota Denpasar is submitted, verified and taken into field
        // assessment (nominations.json), has two visits (one done) and two coaching items (one resolved,
        // fieldwork.json), each written by the service that the page uses.
        var expected = await TestDatabase.ScalarAsync<long>(portal.Database,
            $"""
            SELECT count(*) FROM audit_events e WHERE (e.entity_type = 'nomination' AND e.entity_id = '{denpasar}')
               OR (e.entity_type = 'visit' AND e.entity_id IN (SELECT id::text FROM visits WHERE nomination_id = {denpasar}))
               OR (e.entity_type = 'coaching-item' AND e.entity_id IN (SELECT id::text FROM coaching_items WHERE nomination_id = {denpasar}))
               OR (e.entity_type = 'evidence-file' AND e.entity_id IN (SELECT id::text FROM evidence_files WHERE nomination_id = {denpasar}))
            """);
        PortalClient.Text(page.QuerySelector("[data-testid=pager-summary]")).ShouldBe($"Menampilkan 1–{expected} dari {expected}");
        var actions = Rows(page).Select(r => r.Action).ToHashSet();
        string[] kinds = ["Status nominasi diubah", "Kunjungan direncanakan", "Kunjungan dicatat selesai", "Butir pembinaan dibuat", "Butir pembinaan diselesaikan"];
        kinds.Where(k => !actions.Contains(k)).ShouldBeEmpty();
        Rows(page).Select(r => r.Province).Distinct().ShouldBe(["Bali"]);

        var officer = await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = 'cabang.denpasar@paritrana.demo'");
        var byOfficer = Rows(await admin.GetPageAsync($"/Admin/Audit?nomination={denpasar}&person={officer}"));
        byOfficer.Select(r => (r.User, r.Action, r.Details)).ShouldBe([("Petugas Kantor Cabang Denpasar", "Status nominasi diubah", "Diajukan → Terverifikasi")]);
    }

    [Fact]
    public async Task The_action_filter_offers_every_action_the_code_writes_each_in_words()
    {
        var constants = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        constants.Where(a => AuditActionNames.Of(a) is null).ShouldBeEmpty("every action has its wording in AuditActionNames");

        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);
        var page = await admin.GetPageAsync("/Admin/Audit");
        var options = page.QuerySelectorAll("select#action option").Skip(1).ToList();
        options.Select(o => o.GetAttribute("value")).ShouldBe(constants);
        options.Select(PortalClient.Text).Where(t => t.Contains('.', StringComparison.Ordinal)).ShouldBeEmpty();
        var visit = options.Single(o => o.GetAttribute("value") == AuditActions.VisitPlanned);
        PortalClient.Text(visit).ShouldBe("Kunjungan direncanakan");
        var scorecard = options.Single(o => o.GetAttribute("value") == AuditActions.ScorecardSubmitted);
        PortalClient.Text(scorecard).ShouldBe("Kartu nilai dikirim");
    }

    [Fact]
    public async Task The_csv_holds_the_filtered_events_in_UTF8_with_BOM_and_WIB_times_and_never_another_provinces()
    {
        var buleleng = await CurrentNominationAsync("Pemerintah Kabupaten Buleleng");
        using var admin = await portal.Factory.CreatePortalClient().SignedInAsAsync(Admin);

        using var response = await admin.GetAsync($"/Admin/Audit?handler=Csv&action={AuditActions.NominationStatusChanged}&nomination={buleleng}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var times = await TimesAsync($"action = '{AuditActions.NominationStatusChanged}' AND entity_type = 'nomination' AND entity_id = '{buleleng}'");
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ShouldBe(
            "Waktu (WIB);Pengguna;Alamat surel;Tindakan;Data;Provinsi;Alamat IP;Rincian\r\n"
            + $"{times[0]};Petugas Kantor Cabang Denpasar;cabang.denpasar@paritrana.demo;Status nominasi diubah;Pemerintah Kabupaten Buleleng;Bali;;Diajukan → Dikembalikan, Alasan: {ReturnReason}\r\n"
            + $"{times[1]};Ni Luh Anggota;anggota.bali@paritrana.demo;Status nominasi diubah;Pemerintah Kabupaten Buleleng;Bali;;Draf → Diajukan\r\n");

        // Every status change of the trail: as many lines as the page counts, Jawa Tengah's only under its own filter.
        var all = await CsvLinesAsync(admin, $"/Admin/Audit?handler=Csv&action={AuditActions.NominationStatusChanged}");
        var count = await TestDatabase.ScalarAsync<long>(portal.Database, $"SELECT count(*) FROM audit_events WHERE action = '{AuditActions.NominationStatusChanged}'");
        all.Count.ShouldBe((int)count);
        var tegal = await CurrentNominationAsync("Pemerintah Kota Semarang");
        (await CsvLinesAsync(admin, $"/Admin/Audit?handler=Csv&nomination={buleleng}")).ShouldAllBe(l => l.Contains(";Bali;", StringComparison.Ordinal));
        (await CsvLinesAsync(admin, $"/Admin/Audit?handler=Csv&nomination={tegal}")).ShouldAllBe(l => l.Contains(";Jawa Tengah;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_province_chair_gets_neither_the_page_nor_the_csv()
    {
        using var chair = await portal.Factory.CreatePortalClient().SignedInAsAsync("ketua.bali@paritrana.demo");

        using var csv = await chair.GetAsync("/Admin/Audit?handler=Csv");

        csv.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        csv.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    private sealed record Row(string At, string User, string Action, string Record, string Province, string Details);

    private static List<Row> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tr[data-testid=audit-row]")
            .Select(tr => new Row(
                PortalClient.Text(tr.QuerySelector("[data-testid=at]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=user]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=action]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=record]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=province]")),
                PortalClient.Text(tr.QuerySelector("[data-testid=details]"))))
            .ToList();

    private static async Task<List<string>> CsvLinesAsync(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
    }

    private async Task<int> CurrentNominationAsync(string organisation) =>
        await TestDatabase.ScalarAsync<int>(portal.Database,
            """
            SELECT n.id FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id AND c.is_current
            JOIN organisations o ON o.id = n.organisation_id
            WHERE o.name = @name
            """, ("name", organisation));

    private async Task<List<string>> TimesAsync(string where)
    {
        var times = new List<string>();
        foreach (var row in await Demo.DemoSql.RowsAsync(portal.Database, $"SELECT at FROM audit_events WHERE {where} ORDER BY at DESC, id DESC"))
        {
            var at = (DateTime)row[0];
            times.Add(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), Jakarta)
                .ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("id-ID")) + " WIB");
        }

        return times;
    }
}
