using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// The committee plans visits in its province's local time (Bali: WITA, UTC+8), records them as
/// done, cancels or reschedules them with a reason; the agenda lists them by member and region.
/// </summary>
public class VisitTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private readonly FieldWorkTestData _data = new(fixture);

    [Fact]
    public async Task A_member_plans_a_visit_in_WITA_and_it_is_stored_in_UTC()
    {
        var nomination = await _data.NominationAsync();
        var chair = await _data.UserIdAsync(BaliChair);
        var member = await _data.UserIdAsync(BaliMember);
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Visits/Plan?nomination={nomination.Id}";
        var form = await client.GetPageAsync(url);
        PortalClient.Text(form.QuerySelector("#plan-visit-form .input-group-text")).ShouldBe("WITA");
        form.QuerySelectorAll("#plan-visit-form input[name='Input.MemberIds']").Select(i => i.GetAttribute("value")).ShouldBe([chair.ToString(), member.ToString()]);
        form.QuerySelectorAll("#plan-visit-form input[name='Input.MemberIds'][checked]").Select(i => i.GetAttribute("value")).ShouldBe([member.ToString()]);

        using var response = await client.SubmitFormFieldsAsync(form, url, "#plan-visit-form",
        [
            new("Input.PlannedAt", "2026-12-10T09:30"), new("Input.OutsidePeriodConfirmed", "true"),
            new("Input.Place", "  Kantor PT, Jl. Gatot Subroto 1, Denpasar "),
            new("Input.Purpose", "Memeriksa daftar pekerja dan bukti pembayaran iuran"),
            new("Input.ExternalParticipants", "KSPSI Bali; Apindo Bali"),
            new("Input.MemberIds", chair.ToString()),
            new("Input.MemberIds", member.ToString()),
        ]);

        var id = IdFromLocation(response);
        response.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Visits/Details/{id}");
        (await _data.ScalarAsync<DateTime>("SELECT planned_at FROM visits WHERE id = @id", ("id", id))).ShouldBe(new DateTime(2026, 12, 10, 1, 30, 0, DateTimeKind.Utc));
        (await _data.ScalarAsync<string>(
            "SELECT concat_ws('|', nomination_id, province_code, regency_code, place, purpose, external_participants, status, created_by) FROM visits WHERE id = @id", ("id", id)))
            .ShouldBe($"{nomination.Id}|51|51.71|Kantor PT, Jl. Gatot Subroto 1, Denpasar|Memeriksa daftar pekerja dan bukti pembayaran iuran|KSPSI Bali; Apindo Bali|1|{member}");
        (await _data.CountAsync("SELECT count(*) FROM visit_members WHERE visit_id = @id AND user_id IN (@a, @b)", ("id", id), ("a", chair), ("b", member))).ShouldBe(2L);
        (await _data.ScalarAsync<string>($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.VisitPlanned), ("id", id.ToString())))
            .ShouldBe($"nomination: {nomination.Id}; at: 2026-12-10T01:30:00Z; members: 2; place: Kantor PT, Jl. Gatot Subroto 1, Denpasar");

        var details = await PortalClient.ParseAsync(await client.FollowAsync(response));
        PortalClient.Text(details.QuerySelector(".alert-success")).ShouldBe($"Kunjungan ke {nomination.Name} pada 10 Des 2026 09.30 WITA telah direncanakan.");
        PortalClient.Text(details.QuerySelector("[data-testid=planned-at]")).ShouldBe("10 Des 2026 09.30 WITA");
        PortalClient.Text(details.QuerySelector("[data-testid=members]")).ShouldBe($"{BaliChairName}, {BaliMemberName}");
        PortalClient.Text(details.QuerySelector("[data-testid=visit-status]")).ShouldBe("Direncanakan");
    }

    [Fact]
    public async Task A_visit_in_Jawa_Tengah_is_typed_in_WIB()
    {
        var nomination = await _data.NominationAsync("33.74");
        var member = await _data.UserIdAsync(JatengMember);
        using var client = await _data.SignedInAsync(JatengMember);
        var url = $"/FieldWork/Visits/Plan?nomination={nomination.Id}";

        using var response = await client.SubmitFormAsync(url, "#plan-visit-form", new Dictionary<string, string>
        {
            ["Input.PlannedAt"] = "2026-12-10T09:30", ["Input.OutsidePeriodConfirmed"] = "true",
            ["Input.Place"] = "Semarang",
            ["Input.Purpose"] = "Wawancara pimpinan",
        });

        var id = IdFromLocation(response);
        (await _data.ScalarAsync<DateTime>("SELECT planned_at FROM visits WHERE id = @id", ("id", id))).ShouldBe(new DateTime(2026, 12, 10, 2, 30, 0, DateTimeKind.Utc));
        (await _data.ScalarAsync<Guid>("SELECT user_id FROM visit_members WHERE visit_id = @id", ("id", id))).ShouldBe(member);
        var details = await PortalClient.ParseAsync(await client.FollowAsync(response));
        PortalClient.Text(details.QuerySelector("[data-testid=planned-at]")).ShouldBe("10 Des 2026 09.30 WIB");
    }

    [Fact]
    public async Task A_plan_without_time_place_purpose_or_members_is_refused_and_nothing_is_saved()
    {
        var nomination = await _data.NominationAsync();
        var jatengMember = await _data.UserIdAsync(JatengMember);
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Visits/Plan?nomination={nomination.Id}";
        var form = await client.GetPageAsync(url);

        using var empty = await client.SubmitFormFieldsAsync(form, url, "#plan-visit-form",
            [new("Input.PlannedAt", ""), new("Input.Place", " "), new("Input.Purpose", "")]);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(empty);
        FieldError(page, "Input.PlannedAt").ShouldBe("Tanggal dan jam kunjungan wajib diisi.");
        FieldError(page, "Input.Place").ShouldBe("Tempat kunjungan wajib diisi.");
        FieldError(page, "Input.Purpose").ShouldBe("Tujuan kunjungan wajib diisi.");

        // Nobody going, then someone of another province's committee.
        var nobody = PortalClient.ReadForm(form.QuerySelector<IHtmlFormElement>("#plan-visit-form")!)
            .Where(f => f.Key is not ("Input.MemberIds" or "Input.PlannedAt" or "Input.Place" or "Input.Purpose"))
            .Concat([new("Input.PlannedAt", "2026-12-10T09:30"), new("Input.OutsidePeriodConfirmed", "true"), new("Input.Place", "Denpasar"), new("Input.Purpose", "Cek")]);
        using var noMembers = await client.PostFieldsAsync(url, nobody);
        PortalClient.Text((await PortalClient.ParseAsync(noMembers)).QuerySelector("[data-testid=member-errors]"))
            .ShouldBe("Pilih sekurang-kurangnya satu anggota tim yang berangkat.");
        using var outsider = await client.SubmitFormFieldsAsync(form, url, "#plan-visit-form",
            [new("Input.PlannedAt", "2026-12-10T09:30"), new("Input.OutsidePeriodConfirmed", "true"), new("Input.Place", "Denpasar"), new("Input.Purpose", "Cek"), new("Input.MemberIds", jatengMember.ToString())]);
        PortalClient.Text((await PortalClient.ParseAsync(outsider)).QuerySelector("[data-testid=member-errors]"))
            .ShouldBe("Yang dipilih bukan anggota tim panitia provinsi ini.");

        (await _data.CountAsync("SELECT count(*) FROM visits WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
        (await _data.CountAsync($"SELECT count(*) FROM audit_events WHERE action = @a AND {AuditSql.Text("details")} LIKE @d", ("a", AuditActions.VisitPlanned), ("d", $"nomination: {nomination.Id};%"))).ShouldBe(0L);
    }

    [Fact]
    public async Task A_visit_is_recorded_as_done_with_its_findings()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Visits/Record/{id}";
        var form = await client.GetPageAsync(url);
        form.QuerySelector<IHtmlInputElement>("#Input_DoneAt")!.Value.ShouldBe("2026-11-02T09:00:00.000");

        using var response = await client.SubmitFormAsync(form, url, "#record-visit-form", new Dictionary<string, string>
        {
            ["Input.DoneAt"] = "2026-11-02T10:15",
            ["Input.Findings"] = "12 pekerja kontrak belum terdaftar.\nJKP belum diikuti.",
            ["Input.DocumentsChecked"] = "Daftar gaji Oktober 2026",
            ["Input.InterviewNotes"] = " ",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Visits/Details/{id}");
        (await _data.ScalarAsync<string>(
            "SELECT concat_ws('|', status, to_char(done_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), findings, documents_checked, coalesce(interview_notes, '(null)')) FROM visits WHERE id = @id", ("id", id)))
            .ShouldBe("2|2026-11-02 02:15|12 pekerja kontrak belum terdaftar.\nJKP belum diikuti.|Daftar gaji Oktober 2026|(null)");
        (await _data.ScalarAsync<string>($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.VisitDone), ("id", id.ToString())))
            .ShouldBe("done at: 2026-11-02T02:15:00Z");

        var details = await PortalClient.ParseAsync(await client.FollowAsync(response));
        PortalClient.Text(details.QuerySelector("[data-testid=visit-status]")).ShouldBe("Sudah dilaksanakan");
        PortalClient.Text(details.QuerySelector("[data-testid=done-at]")).ShouldBe("2 Nov 2026 10.15 WITA");
        System.Text.RegularExpressions.Regex.Replace(details.QuerySelector("[data-testid=findings]")!.InnerHtml, @"\s*<br>\s*", "<br>").Trim()
            .ShouldBe("12 pekerja kontrak belum terdaftar.<br>JKP belum diikuti.");
        details.QuerySelector("[data-testid=record-link]").ShouldBeNull();

        // Done is done: recording it again is refused.
        using var again = await client.GetAsync(url);
        PortalClient.Text((await PortalClient.ParseAsync(again)).QuerySelector("[data-testid=refusal]"))
            .ShouldBe("Status kunjungan ini Sudah dilaksanakan; hanya kunjungan yang masih direncanakan yang dapat diubah.");
    }

    [Fact]
    public async Task A_visit_cannot_be_recorded_as_done_in_the_future_or_without_findings()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.VisitAsync(nomination, DateTimeOffset.UtcNow.AddDays(3));
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Visits/Record/{id}";

        using var future = await client.SubmitFormAsync(url, "#record-visit-form", new Dictionary<string, string> { ["Input.Findings"] = "Baik" });
        future.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(await PortalClient.ParseAsync(future), "Input.DoneAt").ShouldBe("Waktu pelaksanaan tidak boleh lebih lambat dari sekarang.");

        using var noFindings = await client.SubmitFormAsync(url, "#record-visit-form", new Dictionary<string, string> { ["Input.DoneAt"] = "2026-01-05T10:00", ["Input.Findings"] = "" });
        FieldError(await PortalClient.ParseAsync(noFindings), "Input.Findings").ShouldBe("Temuan kunjungan wajib diisi.");

        (await _data.ScalarAsync<int>("SELECT status FROM visits WHERE id = @id", ("id", id))).ShouldBe((int)VisitStatus.Planned);
    }

    [Fact]
    public async Task A_visit_is_cancelled_with_a_reason()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        using var client = await _data.SignedInAsync(BaliChair);
        var url = $"/FieldWork/Visits/Cancel/{id}";

        using (var noReason = await client.SubmitFormAsync(url, "#cancel-visit-form", new Dictionary<string, string> { ["Input.Reason"] = "  " }))
        {
            FieldError(await PortalClient.ParseAsync(noReason), "Input.Reason").ShouldBe("Alasan pembatalan wajib diisi.");
            (await _data.ScalarAsync<int>("SELECT status FROM visits WHERE id = @id", ("id", id))).ShouldBe((int)VisitStatus.Planned);
        }

        using var response = await client.SubmitFormAsync(url, "#cancel-visit-form", new Dictionary<string, string> { ["Input.Reason"] = "Pimpinan perusahaan berhalangan; reason: ditunda" });

        response.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Visits/Details/{id}");
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', status, cancel_reason) FROM visits WHERE id = @id", ("id", id)))
            .ShouldBe("3|Pimpinan perusahaan berhalangan; reason: ditunda");
        (await _data.ScalarAsync<string>($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.VisitCancelled), ("id", id.ToString())))
            .ShouldBe("reason: Pimpinan perusahaan berhalangan; reason: ditunda");
        var details = await PortalClient.ParseAsync(await client.FollowAsync(response));
        PortalClient.Text(details.QuerySelector("[data-testid=cancel-reason]")).ShouldBe("Kunjungan dibatalkan: Pimpinan perusahaan berhalangan; reason: ditunda");
    }

    [Fact]
    public async Task A_visit_is_rescheduled_with_a_reason_and_keeps_its_previous_time()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Visits/Reschedule/{id}";
        var form = await client.GetPageAsync(url);
        form.QuerySelector<IHtmlInputElement>("#Input_PlannedAt")!.Value.ShouldBe("2026-12-01T10:00:00.000");

        using (var same = await client.SubmitFormAsync(form, url, "#reschedule-visit-form", new Dictionary<string, string> { ["Input.PlannedAt"] = "2026-12-01T10:00", ["Input.OutsidePeriodConfirmed"] = "true", ["Input.Reason"] = "x" }))
        {
            FieldError(await PortalClient.ParseAsync(same), "Input.PlannedAt").ShouldBe("Waktu baru sama dengan waktu yang sudah direncanakan.");
        }

        using var response = await client.SubmitFormAsync(form, url, "#reschedule-visit-form", new Dictionary<string, string>
        {
            ["Input.PlannedAt"] = "2026-12-03T08:00", ["Input.OutsidePeriodConfirmed"] = "true",
            ["Input.Reason"] = "Hari raya Galungan",
        });

        response.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Visits/Details/{id}");
        (await _data.ScalarAsync<string>(
            "SELECT concat_ws('|', status, to_char(planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), to_char(previous_planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), reschedule_reason) FROM visits WHERE id = @id", ("id", id)))
            .ShouldBe("1|2026-12-03 00:00|2026-12-01 02:00|Hari raya Galungan");
        (await _data.ScalarAsync<string>($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.VisitRescheduled), ("id", id.ToString())))
            .ShouldBe("from: 2026-12-01T02:00:00Z; to: 2026-12-03T00:00:00Z; reason: Hari raya Galungan");
        var details = await PortalClient.ParseAsync(await client.FollowAsync(response));
        PortalClient.Text(details.QuerySelector(".alert-success")).ShouldBe("Kunjungan dijadwalkan ulang ke 3 Des 2026 08.00 WITA.");
        PortalClient.Text(details.QuerySelector("[data-testid=rescheduled]")).ShouldBe("1 Des 2026 10.00 WITA — Hari raya Galungan");
    }

    [Fact]
    public async Task A_change_from_a_stale_page_is_refused_and_nothing_is_saved()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        using var client = await _data.SignedInAsync(BaliMember);
        var stale = await client.GetPageAsync($"/FieldWork/Visits/Cancel/{id}");
        using (var moved = await client.SubmitFormAsync($"/FieldWork/Visits/Reschedule/{id}", "#reschedule-visit-form",
                   new Dictionary<string, string> { ["Input.PlannedAt"] = "2026-12-02T10:00", ["Input.OutsidePeriodConfirmed"] = "true", ["Input.Reason"] = "Hujan" }))
        {
            moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await client.SubmitFormAsync(stale, $"/FieldWork/Visits/Cancel/{id}", "#cancel-visit-form", new Dictionary<string, string> { ["Input.Reason"] = "Batal" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Summary(await PortalClient.ParseAsync(response)).ShouldBe("Kunjungan ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.");
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', status, coalesce(cancel_reason, '-')) FROM visits WHERE id = @id", ("id", id))).ShouldBe("1|-");
        (await _data.CountAsync("SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.VisitCancelled), ("id", id.ToString()))).ShouldBe(0L);
    }

    [Fact]
    public async Task The_agenda_lists_upcoming_and_past_visits_filtered_by_member_and_regency()
    {
        var tag = Tag();
        var denpasar = await _data.NominationAsync("51.71", name: $"PT Agenda Denpasar {tag}");
        var gianyar = await _data.NominationAsync("51.04", name: $"PT Agenda Gianyar {tag}");
        var now = DateTimeOffset.UtcNow;
        var soon = await _data.VisitAsync(denpasar, now.AddDays(2), place: $"Soon {tag}", members: [BaliChair, BaliMember]);
        var later = await _data.VisitAsync(gianyar, now.AddDays(9), place: $"Later {tag}", members: [BaliChair]);
        var done = await _data.VisitAsync(denpasar, now.AddDays(-5), VisitStatus.Done, place: $"Done {tag}", members: [BaliMember]);
        var lapsed = await _data.VisitAsync(gianyar, now.AddDays(-1), place: $"Lapsed {tag}", members: [BaliChair]);
        var cancelledFuture = await _data.VisitAsync(gianyar, now.AddDays(4), VisitStatus.Cancelled, place: $"Cancelled {tag}", members: [BaliChair]);
        var member = await _data.UserIdAsync(BaliMember);
        using var client = await _data.SignedInAsync(BaliMember);

        async Task<List<int>> Mine(string query)
        {
            var page = await client.GetPageAsync("/FieldWork" + query);
            return page.QuerySelectorAll("[data-testid=visit]")
                .Where(r => PortalClient.Text(r).Contains(tag, StringComparison.Ordinal))
                .Select(r => int.Parse(r.GetAttribute("data-visit-id")!, System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
        }

        (await Mine("")).ShouldBe([soon, later]);
        (await Mine("?when=past")).ShouldBe([cancelledFuture, lapsed, done]);
        (await Mine($"?member={member}")).ShouldBe([soon]);
        (await Mine($"?when=past&member={member}")).ShouldBe([done]);
        (await Mine("?regency=51.04")).ShouldBe([later]);
        (await Mine("?when=past&regency=51.04")).ShouldBe([cancelledFuture, lapsed]);

        var agenda = await client.GetPageAsync("/FieldWork");
        var row = agenda.QuerySelector($"[data-visit-id='{soon}']")!;
        row.QuerySelectorAll("td").Skip(1).Select(PortalClient.Text).ShouldBe(
            [$"PT Agenda Denpasar {tag} Kota Denpasar", $"Soon {tag}", $"{BaliChairName}, {BaliMemberName}", "Direncanakan"]);
        agenda.QuerySelectorAll("#member option").Select(o => PortalClient.Text(o)).ShouldBe(["Semua anggota", BaliChairName, BaliMemberName]);
    }

    [Fact]
    public async Task Jawa_Tengah_gets_404_on_Bali_visits_and_branch_officers_only_read()
    {
        var nomination = await _data.NominationAsync("51.71");
        var id = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), place: "Kantor Denpasar");
        using var jateng = await _data.SignedInAsync(JatengChair);
        foreach (var url in new[]
                 {
                     $"/FieldWork/Visits/Details/{id}", $"/FieldWork/Visits/Record/{id}", $"/FieldWork/Visits/Cancel/{id}", $"/FieldWork/Visits/Reschedule/{id}",
                     $"/FieldWork/Visits/Plan?nomination={nomination.Id}", $"/FieldWork/Nomination/{nomination.Id}", $"/FieldWork/Timeline/{nomination.Id}",
                 })
        {
            using var response = await jateng.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var jatengAgenda = await jateng.GetPageAsync("/FieldWork?when=past");
        jatengAgenda.QuerySelector($"[data-visit-id='{id}']").ShouldBeNull();
        (await jateng.GetPageAsync("/FieldWork")).QuerySelector($"[data-visit-id='{id}']").ShouldBeNull();

        // The Denpasar branch verifies this nomination: it reads the visit, without the committee's steps.
        using var denpasar = await _data.SignedInAsync(Denpasar);
        var details = await denpasar.GetPageAsync($"/FieldWork/Visits/Details/{id}");
        PortalClient.Text(details.QuerySelector("[data-testid=place]")).ShouldBe("Kantor Denpasar");
        details.QuerySelector("[data-testid=cancel-link]").ShouldBeNull();
        using (var cancel = await denpasar.GetAsync($"/FieldWork/Visits/Cancel/{id}"))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            new Uri(denpasar.Http.BaseAddress!, cancel.Headers.Location!).AbsolutePath.ShouldBe("/Account/AccessDenied");
        }

        // The Gianyar branch does not.
        using var gianyar = await _data.SignedInAsync(Gianyar);
        using (var response = await gianyar.GetAsync($"/FieldWork/Visits/Details/{id}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Nothing_changes_on_a_closed_cycle_or_a_withdrawn_nomination()
    {
        var closed = await _data.NominationAsync(closedCycle: true);
        var withdrawn = await _data.NominationAsync(status: NominationStatus.Withdrawn);
        using var client = await _data.SignedInAsync(BaliChair);

        var year = await _data.ScalarAsync<int>("SELECT c.year FROM award_cycles c JOIN nominations n ON n.cycle_id = c.id WHERE n.id = @id", ("id", closed.Id));
        var closedPage = await client.GetPageAsync($"/FieldWork/Visits/Plan?nomination={closed.Id}");
        PortalClient.Text(closedPage.QuerySelector("[data-testid=refusal]")).ShouldBe($"Siklus {year} sudah ditutup; kunjungan, pembinaan dan berkasnya tidak dapat diubah lagi.");
        closedPage.QuerySelector<IHtmlButtonElement>("#plan-visit-form button[type=submit]")!.IsDisabled.ShouldBeTrue();
        using var response = await client.SubmitFormAsync($"/FieldWork/Visits/Plan?nomination={withdrawn.Id}", "#plan-visit-form", new Dictionary<string, string>
        {
            ["Input.PlannedAt"] = "2026-12-10T09:30", ["Input.OutsidePeriodConfirmed"] = "true",
            ["Input.Place"] = "Denpasar",
            ["Input.Purpose"] = "Cek",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Summary(await PortalClient.ParseAsync(response)).ShouldBe("Nominasi ini sudah selesai; kunjungan, pembinaan dan berkasnya tidak dapat diubah lagi.");
        (await _data.CountAsync("SELECT count(*) FROM visits WHERE nomination_id IN (@a, @b)", ("a", closed.Id), ("b", withdrawn.Id))).ShouldBe(0L);
    }

    [Fact]
    public async Task The_committee_finds_field_work_in_the_menu_and_the_administrator_reads_every_province()
    {
        var tag = Tag();
        var nomination = await _data.NominationAsync("51.71", name: $"PT Nasional {tag}");
        var id = await _data.VisitAsync(nomination, DateTimeOffset.UtcNow.AddDays(3), place: $"Tempat {tag}");
        await _data.ItemAsync(nomination, BaliToday.AddDays(2), finding: $"Temuan {tag}");

        using (var member = await _data.SignedInAsync(BaliMember))
        {
            var home = await member.GetPageAsync("/");
            home.QuerySelectorAll("nav a").Where(a => PortalClient.Text(a) == "Kunjungan & pembinaan").Select(a => a.GetAttribute("href")).ShouldBe(["/FieldWork"]);
        }

        using (var officer = await _data.SignedInAsync(Denpasar))
        {
            (await officer.GetPageAsync("/")).QuerySelectorAll("nav a").Count(a => PortalClient.Text(a) == "Kunjungan & pembinaan").ShouldBe(0);
        }

        using var admin = await _data.SignedInAsync(FieldWorkTestData.Admin);
        var agenda = await admin.GetPageAsync("/FieldWork?province=51");
        PortalClient.Text(agenda.QuerySelector($"[data-visit-id='{id}'] td")).ShouldEndWith(" WITA");
        agenda.QuerySelectorAll("#member option").Select(o => PortalClient.Text(o)).ShouldBe(["Semua anggota", BaliChairName, BaliMemberName]);
        (await admin.GetPageAsync("/FieldWork?province=33")).QuerySelector($"[data-visit-id='{id}']").ShouldBeNull();
        var open = await admin.GetPageAsync("/FieldWork/Coaching?province=51");
        open.QuerySelectorAll("[data-testid=group-name]").Select(PortalClient.Text).ShouldContain($"PT Nasional {tag}");
        var hub = await admin.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        hub.QuerySelector("[data-testid=plan-link]").ShouldBeNull();
        using var plan = await admin.GetAsync($"/FieldWork/Visits/Plan?nomination={nomination.Id}");
        plan.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(admin.Http.BaseAddress!, plan.Headers.Location!).AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
