using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Nominations;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// The timeline of a nomination: status changes, visits, coaching items and files in one list,
/// each with its local time, who and what. The steps are taken through the pages; their times are
/// then set to known instants so that the whole list can be compared exactly.
/// </summary>
public class TimelineTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private const string DenpasarName = "Petugas Kantor Cabang Denpasar";

    private readonly FieldWorkTestData _data = new(fixture);

    [Fact]
    public async Task The_timeline_shows_every_step_in_order_with_local_time_who_and_what()
    {
        var nomination = await _data.NominationAsync();
        var memberId = await _data.UserIdAsync(BaliMember);
        var officerId = await _data.UserIdAsync(Denpasar);
        await _data.ExecuteAsync($"""
            INSERT INTO status_changes (nomination_id, "from", "to", action, user_id, user_name, reason, at) VALUES
              ({nomination.Id}, 1, 2, 1, '{memberId}', 'nama lama', NULL, '2026-11-01T01:00:00Z'),
              ({nomination.Id}, 2, 3, 2, '{officerId}', 'nama lama', NULL, '2026-11-02T02:00:00Z'),
              ({nomination.Id}, 3, 5, 4, NULL, 'Akun yang sudah dihapus', 'Mulai kunjungan', '2026-11-03T03:00:00Z');
            """);

        using var member = await _data.SignedInAsync(BaliMember);
        using var chair = await _data.SignedInAsync(BaliChair);
        int visit;
        using (var planned = await member.SubmitFormAsync($"/FieldWork/Visits/Plan?nomination={nomination.Id}", "#plan-visit-form", new Dictionary<string, string>
               {
                   ["Input.PlannedAt"] = "2026-12-10T09:30", ["Input.OutsidePeriodConfirmed"] = "true",
                   ["Input.Place"] = "Kantor PT",
                   ["Input.Purpose"] = "Memeriksa kepesertaan",
               }))
        {
            visit = IdFromLocation(planned);
        }

        await Ok(member.SubmitFormAsync($"/FieldWork/Visits/Reschedule/{visit}", "#reschedule-visit-form",
            new Dictionary<string, string> { ["Input.PlannedAt"] = "2026-12-12T10:00", ["Input.OutsidePeriodConfirmed"] = "true", ["Input.Reason"] = "Hujan; jalan banjir" }));
        await Ok(member.SubmitFormAsync($"/FieldWork/Visits/Record/{visit}", "#record-visit-form",
            new Dictionary<string, string> { ["Input.DoneAt"] = "2026-11-20T10:00", ["Input.Findings"] = "Pekerja kontrak belum terdaftar" }));
        int item;
        using (var created = await member.SubmitFormAsync($"/FieldWork/Coaching/Create?nomination={nomination.Id}", "#create-item-form", new Dictionary<string, string>
               {
                   ["Input.Finding"] = "Pekerja kontrak belum terdaftar",
                   ["Input.Recommendation"] = "Daftarkan",
                   ["Input.DueDate"] = BaliToday.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
               }))
        {
            item = IdFromLocation(created);
        }

        var itemUrl = $"/FieldWork/Coaching/Item/{item}";
        await Ok(member.SubmitFormAsync(itemUrl, "#start-form", new Dictionary<string, string>()));
        await Ok(member.SubmitFormAsync(itemUrl, "#resolve-form", new Dictionary<string, string> { ["Input.ResolutionNote"] = "Sudah didaftarkan" }));
        await Ok(chair.SubmitFormAsync(itemUrl, "#reopen-form", new Dictionary<string, string>()));
        await Ok(chair.SubmitFormAsync(itemUrl, "#waive-form", new Dictionary<string, string> { ["Input.WaiverReason"] = "Pekerja harian lepas" }));
        await Ok(UploadAsync(member, $"/FieldWork/Files/Upload?nomination={nomination.Id}&item={item}", "%PDF-1.4 bukti"u8.ToArray(), "bukti.pdf"));
        var file = await _data.ScalarAsync<Guid>("SELECT id FROM evidence_files WHERE nomination_id = @n", ("n", nomination.Id));
        await Ok(chair.SubmitFormAsync($"/FieldWork/Files/Remove/{file}", "#remove-file-form", new Dictionary<string, string> { ["Input.Reason"] = "Salah berkas" }));

        await _data.ExecuteAsync($"""
            UPDATE visits SET created_at = '2026-11-04T01:00:00Z' WHERE id = {visit};
            UPDATE audit_events SET at = '2026-11-05T01:00:00Z' WHERE entity_type = 'visit' AND entity_id = '{visit}' AND action = 'visit.rescheduled';
            UPDATE audit_events SET at = '2026-11-20T03:00:00Z' WHERE entity_type = 'visit' AND entity_id = '{visit}' AND action = 'visit.done';
            UPDATE coaching_items SET created_at = '2026-11-06T01:00:00Z', due_date = '2026-11-30' WHERE id = {item};
            UPDATE audit_events SET at = '2026-11-07T01:00:00Z' WHERE entity_type = 'coaching-item' AND entity_id = '{item}' AND action = 'coaching.started';
            UPDATE audit_events SET at = '2026-11-08T01:00:00Z' WHERE entity_type = 'coaching-item' AND entity_id = '{item}' AND action = 'coaching.resolved';
            UPDATE audit_events SET at = '2026-11-09T01:00:00Z' WHERE entity_type = 'coaching-item' AND entity_id = '{item}' AND action = 'coaching.reopened';
            UPDATE audit_events SET at = '2026-11-10T01:00:00Z' WHERE entity_type = 'coaching-item' AND entity_id = '{item}' AND action = 'coaching.waived';
            UPDATE evidence_files SET uploaded_at = '2026-11-11T01:00:00Z', removed_at = '2026-11-12T01:00:00Z' WHERE id = '{file}';
            """);

        string[][] oldestFirst =
        [
            ["1 Nov 2026 09.00 WITA", BaliMemberName, "Status nominasi: Draf → Diajukan", "", ""],
            ["2 Nov 2026 10.00 WITA", DenpasarName, "Status nominasi: Diajukan → Terverifikasi", "", ""],
            ["3 Nov 2026 11.00 WITA", "Akun yang sudah dihapus", "Status nominasi: Terverifikasi → Penilaian lapangan", "", "Mulai kunjungan"],
            ["4 Nov 2026 09.00 WITA", BaliMemberName, "Kunjungan direncanakan untuk 10 Des 2026 09.30 WITA", "Kantor PT", ""],
            ["5 Nov 2026 09.00 WITA", BaliMemberName, "Kunjungan dijadwalkan ulang dari 10 Des 2026 09.30 WITA ke 12 Des 2026 10.00 WITA", "Kantor PT", "Hujan; jalan banjir"],
            ["6 Nov 2026 09.00 WITA", BaliMemberName, "Butir pembinaan dicatat (tenggat 30 Nov 2026)", "Pekerja kontrak belum terdaftar", ""],
            ["7 Nov 2026 09.00 WITA", BaliMemberName, "Butir pembinaan mulai ditindaklanjuti", "Pekerja kontrak belum terdaftar", ""],
            ["8 Nov 2026 09.00 WITA", BaliMemberName, "Butir pembinaan diselesaikan", "Pekerja kontrak belum terdaftar", "Sudah didaftarkan"],
            ["9 Nov 2026 09.00 WITA", BaliChairName, "Butir pembinaan dibuka kembali", "Pekerja kontrak belum terdaftar", ""],
            ["10 Nov 2026 09.00 WITA", BaliChairName, "Butir pembinaan dikesampingkan", "Pekerja kontrak belum terdaftar", "Pekerja harian lepas"],
            ["11 Nov 2026 09.00 WITA", BaliMemberName, "Berkas diunggah: bukti.pdf", "", ""],
            ["12 Nov 2026 09.00 WITA", BaliChairName, "Berkas dihapus: bukti.pdf", "", "Salah berkas"],
            ["20 Nov 2026 11.00 WITA", BaliMemberName, "Kunjungan dicatat sudah dilaksanakan pada 20 Nov 2026 10.00 WITA", "Kantor PT", ""],
        ];

        var newest = await member.GetPageAsync($"/FieldWork/Timeline/{nomination.Id}");
        Entries(newest).ShouldBe(oldestFirst.Reverse().ToArray());
        var toggle = newest.QuerySelector<IHtmlAnchorElement>("[data-testid=order-toggle]")!;
        PortalClient.Text(toggle).ShouldBe("Terlama dahulu");
        toggle.GetAttribute("href").ShouldBe($"/FieldWork/Timeline/{nomination.Id}?order=oldest");
        newest.QuerySelectorAll("[data-testid=entry]")[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/FieldWork/Visits/Details/{visit}");

        var oldest = await member.GetPageAsync($"/FieldWork/Timeline/{nomination.Id}?order=oldest");
        Entries(oldest).ShouldBe(oldestFirst);
        PortalClient.Text(oldest.QuerySelector("[data-testid=order-toggle]")).ShouldBe("Terbaru dahulu");
        oldest.QuerySelectorAll("[data-testid=entry] time").Select(t => t.GetAttribute("datetime")).First().ShouldBe("2026-11-01T01:00:00Z");
    }

    [Fact]
    public async Task A_nomination_without_history_has_an_empty_timeline_and_the_branch_reads_it()
    {
        var nomination = await _data.NominationAsync("51.71", NominationStatus.Verified);
        using var denpasar = await _data.SignedInAsync(Denpasar);
        var page = await denpasar.GetPageAsync($"/FieldWork/Timeline/{nomination.Id}");
        PortalClient.Text(page.QuerySelector("[data-testid=empty]")).ShouldBe("Belum ada peristiwa.");
        PortalClient.Text(page.QuerySelector("h1")).ShouldBe("Linimasa nominasi");

        using var gianyar = await _data.SignedInAsync(Gianyar);
        using var response = await gianyar.GetAsync($"/FieldWork/Timeline/{nomination.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string[][] Entries(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=entry]").Select(e => new[]
        {
            PortalClient.Text(e.QuerySelector("[data-testid=entry-time]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-who]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-what]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-subject]")),
            PortalClient.Text(e.QuerySelector("[data-testid=entry-detail]")),
        }).ToArray();

    private static async Task Ok(Task<HttpResponseMessage> step)
    {
        using var response = await step;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await PortalClient.ParseAsync(response);
            throw new InvalidOperationException($"{(int)response.StatusCode}: {Summary(page)} {PortalClient.Text(page.QuerySelector(".text-danger:not(:empty)"))}");
        }
    }
}
