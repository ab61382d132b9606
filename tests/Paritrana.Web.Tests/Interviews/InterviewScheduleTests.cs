using System.Net;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;

namespace Paritrana.Web.Tests.Interviews;

/// <summary>
/// The national interview schedule (issue 17, point 3; docs/decisions/046) on the demo's 2021 pool:
/// Bali forwarded Bank BPD Bali, KAPIT MAS and Pemerintah Provinsi Bali (WITA, UTC+8), whose demo
/// interviews are cancelled first, and the cycle opened again (the demo closes it). Demo jurors:
/// juri1 "Prof. Ketut Juri" (home province Bali), juri2 "Dr. Sri Juri" (Jawa Tengah), juri3 "Andi Juri".
/// </summary>
public class InterviewScheduleTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@paritrana.demo";

    /// <summary>The 2021 national stage as still under way: the cycle open, the demo's interviews out of the way.</summary>
    private async Task OpenStageAsync()
    {
        await TestDatabase.ExecuteAsync("UPDATE award_cycles SET is_closed = false WHERE year = 2021; UPDATE interviews SET status = 2, cancel_reason = 'uji' WHERE cancel_reason IS NULL", portal.Database);
        await TestDatabase.ExecuteAsync("DELETE FROM notifications WHERE kind LIKE 'Interview%'", portal.Database);
    }

    [Fact]
    public async Task The_secretariat_schedules_changes_and_cancels_and_the_jury_and_the_province_see_it_in_their_times()
    {
        await OpenStageAsync();
        var since = await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT coalesce(max(id), 0)::bigint FROM audit_events");
        var bpd = await NominationAsync("Bank BPD Bali");
        using var admin = await SignedInAsync(Admin);
        using var juri3 = await SignedInAsync("juri3@paritrana.demo");
        // The jury's open notifications before (the national rounds' own, since the demo), to count the interview's.
        var bellBefore = int.Parse(PortalClient.Text((await juri3.GetPageAsync("/")).QuerySelector("[data-testid=bell-count]")) is { Length: > 0 } b ? b : "0", System.Globalization.CultureInfo.InvariantCulture);
        var url = $"/National/Interviews/Schedule?nomination={bpd}";
        var form = await admin.GetPageAsync(url);
        using var saved = await admin.SubmitFormFieldsAsync(form, url, "#interview-form",
        [
            new("Input.StartsAt", "2024-04-22T09:00"), new("Input.DurationMinutes", "60"), new("Input.Place", "Ruang Rapat Kemnaker, Jakarta"),
            new("Input.VideoLink", ""), new("Input.PresenterName", "I Nyoman Sudarma"), new("Input.PresenterPosition", "Direktur Utama"),
            new("Input.JurorIds", (await UserAsync("juri2@paritrana.demo")).ToString()), new("Input.JurorIds", (await UserAsync("juri3@paritrana.demo")).ToString()),
        ]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe("/National/Interviews?cycle=2021");

        // 09:00 WIB is 10:00 in Bali (WITA); the jurors by name.
        var expected = ("22 Apr 2024 09.00 WIB", "Waktu setempat: 22 Apr 2024 10.00 WITA", "Bank BPD Bali", "Ruang Rapat Kemnaker, Jakarta", "I Nyoman Sudarma", "Andi Juri, Dr. Sri Juri");
        Rows(await admin.GetPageAsync("/National/Interviews?cycle=2021")).Select(r => r.Fields).ShouldBe([expected]);

        // The jurors see the jury's schedule (their own seat marked); Bali's committee its finalist's; Jawa Tengah's nothing of Bali's.
        Rows(await juri3.GetPageAsync("/National/Interviews?cycle=2021")).Select(r => (r.Fields.Item3, r.Seated)).ShouldBe([("Bank BPD Bali", true)]);
        using var juri1 = await SignedInAsync("juri1@paritrana.demo");
        Rows(await juri1.GetPageAsync("/National/Interviews?cycle=2021")).Select(r => (r.Fields.Item3, r.Seated)).ShouldBe([("Bank BPD Bali", false)]);
        using var bali = await SignedInAsync("anggota.bali@paritrana.demo");
        Rows(await bali.GetPageAsync("/National/Interviews?cycle=2021")).Select(r => r.Fields).ShouldBe([expected]);
        using var jateng = await SignedInAsync("ketua.jateng@paritrana.demo");
        Rows(await jateng.GetPageAsync("/National/Interviews?cycle=2021")).ShouldBeEmpty();

        // Told: the two jurors seated (the national stage's notifications) and Bali's chair and member; not juri1, not the administrator.
        (await NotifiedAsync("InterviewScheduled")).ShouldBe(
            ["anggota.bali@paritrana.demo 51", "juri2@paritrana.demo 00", "juri3@paritrana.demo 00", "ketua.bali@paritrana.demo 51"]);
        PortalClient.Text((await juri3.GetPageAsync("/National/Interviews?cycle=2021")).QuerySelector("[data-testid=bell-count]"))
            .ShouldBe((bellBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Moved to 13:00 with juri3 alone: both jurors of before and after are told, and the committee.
        var id = Rows(await admin.GetPageAsync("/National/Interviews?cycle=2021")).Single().Id;
        var editUrl = $"/National/Interviews/Edit/{id}";
        var edit = await admin.GetPageAsync(editUrl);
        using var changed = await admin.SubmitFormFieldsAsync(edit, editUrl, "#interview-form",
            [new("Input.StartsAt", "2024-04-22T13:00"), new("Input.JurorIds", (await UserAsync("juri3@paritrana.demo")).ToString())]);
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Rows(await bali.GetPageAsync("/National/Interviews?cycle=2021")).Single().Fields
            .ShouldBe(("22 Apr 2024 13.00 WIB", "Waktu setempat: 22 Apr 2024 14.00 WITA", "Bank BPD Bali", "Ruang Rapat Kemnaker, Jakarta", "I Nyoman Sudarma", "Andi Juri"));
        (await NotifiedAsync("InterviewChanged")).ShouldBe(
            ["anggota.bali@paritrana.demo 51", "juri2@paritrana.demo 00", "juri3@paritrana.demo 00", "ketua.bali@paritrana.demo 51"]);

        // A second change from the page as it was first read is refused: someone changed it meanwhile.
        using var stale = await admin.SubmitFormFieldsAsync(edit, editUrl, "#interview-form", [new("Input.StartsAt", "2024-04-22T15:00")]);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent
            .ShouldContain("Wawancara ini telah diubah orang lain sejak halaman ini dibuka.");

        // Cancelled with a reason: off the schedule, listed as cancelled, told to juri3 and the committee.
        var fresh = await admin.GetPageAsync(editUrl);
        using var cancelled = await admin.SubmitFormAsync(fresh, editUrl, "#cancel-form", new Dictionary<string, string> { ["CancelReason"] = "Direktur utama berhalangan" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await admin.GetPageAsync("/National/Interviews?cycle=2021");
        Rows(after).ShouldBeEmpty();
        PortalClient.Text(after.QuerySelector($"[data-testid=cancelled-item][data-id='{id}']")).ShouldBe("Bank BPD Bali, 22 Apr 2024 13.00 WIB: Direktur utama berhalangan");
        (await NotifiedAsync("InterviewCancelled")).ShouldBe(["anggota.bali@paritrana.demo 51", "juri3@paritrana.demo 00", "ketua.bali@paritrana.demo 51"]);
        (await TestDatabase.ScalarAsync<long>(portal.Database,
            "SELECT count(*) FROM audit_events WHERE action IN ('interview.scheduled', 'interview.changed', 'interview.cancelled') AND entity_id = @id AND id > @since",
            ("id", bpd.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("since", since))).ShouldBe(3);
        AuditActions.InterviewScheduled.ShouldBe("interview.scheduled");
    }

    [Fact]
    public async Task A_juror_in_two_rooms_a_candidate_twice_and_a_juror_of_the_candidate_s_province_are_refused_beside_their_field()
    {
        await OpenStageAsync();
        var kapit = await NominationAsync("KAPIT MAS");
        var pemprov = await NominationAsync("Pemerintah Provinsi Bali");
        var juri1 = (await UserAsync("juri1@paritrana.demo")).ToString();
        var juri3 = (await UserAsync("juri3@paritrana.demo")).ToString();
        using var admin = await SignedInAsync(Admin);
        (await ScheduleAsync(admin, kapit, "2024-04-23T09:00", "60", juri3)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // juri3 sits with KAPIT MAS 09:00–10:00: Pemerintah Provinsi Bali at 09:30 with juri3 clashes.
        using var busy = await ScheduleAsync(admin, pemprov, "2024-04-23T09:30", "45", juri3);
        (await ErrorsAsync(busy, "juror-errors")).ShouldBe(["Andi Juri sudah duduk dalam wawancara KAPIT MAS pada 23 Apr 2024 09.00 WIB, yang bertumpuk waktunya."]);

        // KAPIT MAS a second time, at another hour: refused beside the time.
        using var twice = await ScheduleAsync(admin, kapit, "2024-04-23T15:00", "30", juri3);
        (await FieldErrorAsync(twice, "Input.StartsAt")).ShouldBe("KAPIT MAS sudah dijadwalkan wawancara pada 23 Apr 2024 09.00 WIB.");

        // juri1 comes from Bali: not on the panel of a Bali candidate.
        using var home = await ScheduleAsync(admin, pemprov, "2024-04-23T11:00", "45", juri1);
        (await ErrorsAsync(home, "juror-errors")).ShouldBe(
            ["Prof. Ketut Juri tidak dapat duduk dalam wawancara Pemerintah Provinsi Bali: berasal dari provinsi kandidat atau menyatakan konflik kepentingan."]);

        // Nothing half-saved: only KAPIT MAS's interview exists.
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM interviews WHERE nomination_id = @n AND status = 1", ("n", pemprov))).ShouldBe(0);
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM interviews WHERE nomination_id = @n AND status = 1", ("n", kapit))).ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_secretariat_schedules_a_nomination_outside_the_pool_answers_404_and_a_closed_cycle_s_schedule_stays()
    {
        await OpenStageAsync();
        var kapit = await NominationAsync("KAPIT MAS");
        using var juror = await SignedInAsync("juri3@paritrana.demo");
        using var refused = await juror.GetAsync($"/National/Interviews/Schedule?nomination={kapit}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");

        // A 2021 nomination of Bali that was not forwarded (not in the national pool).
        var notForwarded = await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id WHERE c.year = 2021 AND n.province_code = '51' AND n.status NOT IN (10, 11, 12) ORDER BY n.id LIMIT 1");
        using var admin = await SignedInAsync(Admin);
        using var missing = await admin.GetAsync($"/National/Interviews/Schedule?nomination={notForwarded}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Once the cycle is closed, nothing of its schedule changes.
        await TestDatabase.ExecuteAsync("UPDATE award_cycles SET is_closed = true WHERE year = 2021", portal.Database);
        using var closed = await ScheduleAsync(admin, kapit, "2024-04-24T09:00", "45", (await UserAsync("juri3@paritrana.demo")).ToString());
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(closed)).QuerySelector(".validation-summary-errors"))
            .ShouldBe("Siklus 2021 sudah ditutup; jadwal wawancaranya tidak dapat diubah lagi.");
        (await TestDatabase.ScalarAsync<long>(portal.Database, "SELECT count(*) FROM interviews WHERE nomination_id = @n AND status = 1", ("n", kapit))).ShouldBe(0);
        await TestDatabase.ExecuteAsync("UPDATE award_cycles SET is_closed = false WHERE year = 2021", portal.Database);
    }

    private sealed record Row(int Id, (string Wib, string Local, string Candidate, string Place, string Presenter, string Jurors) Fields, bool Seated);

    private static List<Row> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=interview-row]").Select(r => new Row(
            int.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture),
            (PortalClient.Text(r.QuerySelector("[data-testid=wib]")), PortalClient.Text(r.QuerySelector("[data-testid=local]")), PortalClient.Text(r.QuerySelector("[data-testid=candidate]")),
                PortalClient.Text(r.QuerySelector("[data-testid=place]")), PortalClient.Text(r.QuerySelector("[data-testid=presenter]")), PortalClient.Text(r.QuerySelector("[data-testid=jurors]"))),
            r.QuerySelector("[data-testid=seated]") is not null)).ToList();

    private static async Task<HttpResponseMessage> ScheduleAsync(PortalClient admin, int nomination, string startsAt, string minutes, string juror)
    {
        var url = $"/National/Interviews/Schedule?nomination={nomination}";
        return await admin.SubmitFormFieldsAsync(await admin.GetPageAsync(url), url, "#interview-form",
        [
            new("Input.StartsAt", startsAt), new("Input.DurationMinutes", minutes), new("Input.Place", ""), new("Input.VideoLink", "https://vidcon.kemnaker.go.id/paritrana"),
            new("Input.PresenterName", "Penyaji"), new("Input.PresenterPosition", "Pimpinan"), new("Input.JurorIds", juror),
        ]);
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response, string testId)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await PortalClient.ParseAsync(response)).QuerySelectorAll($"[data-testid={testId}] li").Select(PortalClient.Text).ToList();
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return PortalClient.Text((await PortalClient.ParseAsync(response)).QuerySelector($"[data-valmsg-for='{field}']"));
    }

    private async Task<List<string>> NotifiedAsync(string kind) =>
        ((await TestDatabase.ScalarAsync<string>(portal.Database,
            "SELECT string_agg(u.email || ' ' || n.province_code, '|' ORDER BY u.email) FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = @k", ("k", kind))) ?? "")
        .Split('|', StringSplitOptions.RemoveEmptyEntries).ToList();

    private async Task<int> NominationAsync(string organisation) =>
        await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN organisations o ON o.id = n.organisation_id JOIN award_cycles c ON c.id = n.cycle_id WHERE c.year = 2021 AND o.name = @o",
            ("o", organisation));

    private async Task<Guid> UserAsync(string email) =>
        await TestDatabase.ScalarAsync<Guid>(portal.Database, "SELECT id FROM users WHERE email = @e", ("e", email));

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = portal.Factory.CreatePortalClient();
        try
        {
            return await client.SignedInAsAsync(email);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
