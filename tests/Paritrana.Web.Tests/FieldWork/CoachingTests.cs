using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Data;
using Paritrana.Web.Features.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// Coaching items: the committee records them, starts and resolves them with a note; only the chair
/// waives (with a reason) and reopens; overdue items are marked with their days; open and in-progress
/// items hold the nomination back from scoring (the gate).
/// </summary>
public class CoachingTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private readonly FieldWorkTestData _data = new(fixture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shown(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));

    [Fact]
    public async Task A_member_records_a_coaching_item_found_on_a_visit()
    {
        var nomination = await _data.NominationAsync();
        var visit = await _data.VisitAsync(nomination, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), VisitStatus.Done, place: "Gudang Benoa");
        var member = await _data.UserIdAsync(BaliMember);
        var due = BaliToday.AddDays(30);
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Create?nomination={nomination.Id}&visit={visit}";
        var form = await client.GetPageAsync(url);
        form.QuerySelector<IHtmlSelectElement>("#Input_VisitId")!.Value.ShouldBe(visit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        form.QuerySelectorAll("#Input_VisitId option").Select(PortalClient.Text).ShouldBe(["Tidak dari kunjungan", "2 Nov 2026 09.00 WITA — Gudang Benoa"]);

        using var response = await client.SubmitFormAsync(form, url, "#create-item-form", new Dictionary<string, string>
        {
            ["Input.Finding"] = " 12 pekerja kontrak belum terdaftar ",
            ["Input.Recommendation"] = "Daftarkan ke JKK, JKM dan JHT",
            ["Input.ResponsiblePerson"] = "Manajer SDM",
            ["Input.DueDate"] = Date(due),
        });

        var id = IdFromLocation(response);
        response.Headers.Location!.OriginalString.ShouldBe($"/FieldWork/Coaching/Item/{id}");
        (await _data.ScalarAsync<string>(
            "SELECT concat_ws('|', nomination_id, province_code, regency_code, visit_id, finding, recommendation, responsible_person, due_date, status, created_by) FROM coaching_items WHERE id = @id", ("id", id)))
            .ShouldBe($"{nomination.Id}|51|51.71|{visit}|12 pekerja kontrak belum terdaftar|Daftarkan ke JKK, JKM dan JHT|Manajer SDM|{Date(due)}|1|{member}");
        (await _data.ScalarAsync<string>($"SELECT {AuditSql.Text("details")} FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.CoachingCreated), ("id", id.ToString())))
            .ShouldBe($"nomination: {nomination.Id}; visit: {visit}; due: {Date(due)}; finding: 12 pekerja kontrak belum terdaftar");
        var page = await PortalClient.ParseAsync(await client.FollowAsync(response));
        PortalClient.Text(page.QuerySelector(".alert-success")).ShouldBe($"Butir pembinaan telah dicatat dengan tenggat {Shown(due)}.");
        PortalClient.Text(page.QuerySelector("[data-testid=item-status]")).ShouldBe("Terbuka");
        page.QuerySelector("[data-testid=overdue]").ShouldBeNull();
        page.QuerySelectorAll("[data-testid=history-entry]").Select(PortalClient.Text).Single().ShouldEndWith($"{BaliMemberName} Butir pembinaan dicatat (tenggat {Shown(due)})");
    }

    [Fact]
    public async Task An_item_needs_a_finding_a_recommendation_and_a_due_date_from_today()
    {
        var nomination = await _data.NominationAsync();
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Create?nomination={nomination.Id}";

        using var response = await client.SubmitFormAsync(url, "#create-item-form", new Dictionary<string, string>
        {
            ["Input.Finding"] = "",
            ["Input.Recommendation"] = " ",
            ["Input.DueDate"] = Date(BaliToday.AddDays(-1)),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        FieldError(page, "Input.Finding").ShouldBe("Temuan wajib diisi.");
        FieldError(page, "Input.Recommendation").ShouldBe("Rekomendasi perbaikan wajib diisi.");
        FieldError(page, "Input.DueDate").ShouldBe($"Tenggat tidak boleh sebelum hari ini ({Shown(BaliToday)}).");
        (await _data.CountAsync("SELECT count(*) FROM coaching_items WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
    }

    [Fact]
    public async Task A_member_starts_and_resolves_an_item_and_resolving_needs_a_note()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.ItemAsync(nomination, BaliToday.AddDays(5));
        var member = await _data.UserIdAsync(BaliMember);
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Item/{id}";

        using (var started = await client.SubmitFormAsync(url, "#start-form", new Dictionary<string, string>()))
        {
            started.Headers.Location!.OriginalString.ShouldBe(url);
            var page = await PortalClient.ParseAsync(await client.FollowAsync(started));
            PortalClient.Text(page.QuerySelector(".alert-success")).ShouldBe("Status butir pembinaan diubah dari Terbuka menjadi Sedang ditindaklanjuti.");
        }

        using (var noNote = await client.SubmitFormAsync(url, "#resolve-form", new Dictionary<string, string> { ["Input.ResolutionNote"] = "   " }))
        {
            noNote.StatusCode.ShouldBe(HttpStatusCode.OK);
            Summary(await PortalClient.ParseAsync(noNote)).ShouldBe("Catatan penyelesaian wajib diisi.");
            (await _data.ScalarAsync<int>("SELECT status FROM coaching_items WHERE id = @id", ("id", id))).ShouldBe((int)CoachingStatus.InProgress);
        }

        using var resolved = await client.SubmitFormAsync(url, "#resolve-form", new Dictionary<string, string> { ["Input.ResolutionNote"] = "Semua pekerja sudah terdaftar per 1 Desember." });

        resolved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', status, resolution_note, resolved_by, resolved_at IS NOT NULL) FROM coaching_items WHERE id = @id", ("id", id)))
            .ShouldBe($"3|Semua pekerja sudah terdaftar per 1 Desember.|{member}|t");
        (await _data.ScalarAsync<string>(
            $"SELECT string_agg(action || ' / ' || {AuditSql.Text("details")}, ' || ' ORDER BY id) FROM audit_events WHERE entity_type = 'coaching-item' AND entity_id = @id", ("id", id.ToString())))
            .ShouldBe("coaching.started / status: Open -> InProgress || coaching.resolved / status: InProgress -> Resolved; note: Semua pekerja sudah terdaftar per 1 Desember.");
        var page2 = await PortalClient.ParseAsync(await client.FollowAsync(resolved));
        PortalClient.Text(page2.QuerySelector("[data-testid=resolution-note]")).ShouldBe("Semua pekerja sudah terdaftar per 1 Desember.");
        page2.QuerySelector("#reopen-form").ShouldBeNull(); // a member does not reopen
    }

    [Fact]
    public async Task Waiving_is_refused_to_members_and_the_status_stays()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.ItemAsync(nomination, BaliToday.AddDays(5));
        using var client = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Item/{id}";
        var page = await client.GetPageAsync(url);
        page.QuerySelector("#waive-form").ShouldBeNull();

        // The form is not offered; a crafted post is refused by the rules.
        var fields = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("#resolve-form")!)
            .Where(f => f.Key != "Input.ResolutionNote")
            .Append(new("Input.WaiverReason", "Tidak relevan untuk perusahaan ini"));
        using var response = await client.PostFieldsAsync($"{url}?handler=Waive", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Summary(await PortalClient.ParseAsync(response)).ShouldBe("Hanya Ketua Tim Panitia yang dapat mengesampingkan butir pembinaan.");
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', status, coalesce(waiver_reason, '-')) FROM coaching_items WHERE id = @id", ("id", id))).ShouldBe("1|-");
        (await _data.CountAsync("SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @id", ("a", AuditActions.CoachingWaived), ("id", id.ToString()))).ShouldBe(0L);
    }

    [Fact]
    public async Task The_chair_waives_with_a_reason_and_reopens()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.ItemAsync(nomination, BaliToday.AddDays(5), CoachingStatus.InProgress);
        var chair = await _data.UserIdAsync(BaliChair);
        using var client = await _data.SignedInAsync(BaliChair);
        var url = $"/FieldWork/Coaching/Item/{id}";

        using (var noReason = await client.SubmitFormAsync(url, "#waive-form", new Dictionary<string, string> { ["Input.WaiverReason"] = "" }))
        {
            Summary(await PortalClient.ParseAsync(noReason)).ShouldBe("Alasan pengesampingan wajib diisi.");
        }

        using (var waived = await client.SubmitFormAsync(url, "#waive-form", new Dictionary<string, string> { ["Input.WaiverReason"] = "Tidak berlaku untuk usaha dengan 5 pekerja" }))
        {
            waived.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<string>("SELECT concat_ws('|', status, waiver_reason, waived_by) FROM coaching_items WHERE id = @id", ("id", id)))
            .ShouldBe($"4|Tidak berlaku untuk usaha dengan 5 pekerja|{chair}");

        using (var reopened = await client.SubmitFormAsync(url, "#reopen-form", new Dictionary<string, string>()))
        {
            reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<string>("SELECT concat_ws('|', status, coalesce(waiver_reason, '-'), coalesce(waived_by::text, '-'), waived_at IS NULL) FROM coaching_items WHERE id = @id", ("id", id)))
            .ShouldBe("1|-|-|t");
        var history = (await client.GetPageAsync(url)).QuerySelectorAll("[data-testid=history-entry]").Select(PortalClient.Text).ToList();
        history.Count.ShouldBe(2);
        history[0].ShouldEndWith($"· {BaliChairName} Butir pembinaan dikesampingkan Tidak berlaku untuk usaha dengan 5 pekerja");
        history[1].ShouldEndWith($"· {BaliChairName} Butir pembinaan dibuka kembali");
    }

    [Fact]
    public async Task A_step_from_a_stale_page_is_refused()
    {
        var nomination = await _data.NominationAsync();
        var id = await _data.ItemAsync(nomination, BaliToday.AddDays(5));
        using var member = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Coaching/Item/{id}";
        var stale = await member.GetPageAsync(url);
        using (var started = await member.SubmitFormAsync(url, "#start-form", new Dictionary<string, string>()))
        {
            started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await member.SubmitFormAsync(stale, url, "#resolve-form", new Dictionary<string, string> { ["Input.ResolutionNote"] = "Sudah" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Summary(await PortalClient.ParseAsync(response)).ShouldBe("Butir pembinaan ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi langkah Anda.");
        (await _data.ScalarAsync<int>("SELECT status FROM coaching_items WHERE id = @id", ("id", id))).ShouldBe((int)CoachingStatus.InProgress);
    }

    [Fact]
    public async Task Branch_officers_read_items_but_do_not_move_them_and_Jawa_Tengah_gets_404()
    {
        var nomination = await _data.NominationAsync("51.71");
        var id = await _data.ItemAsync(nomination, BaliToday.AddDays(5), finding: "Temuan Denpasar");
        var url = $"/FieldWork/Coaching/Item/{id}";

        using var denpasar = await _data.SignedInAsync(Denpasar);
        var page = await denpasar.GetPageAsync(url);
        PortalClient.Text(page.QuerySelector("[data-testid=finding]")).ShouldBe("Temuan Denpasar");
        page.QuerySelector("[data-testid=steps]").ShouldBeNull();
        // No step is offered; a crafted post (with the token of the page's language form) is forbidden.
        var fields = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("form.language-switch")!).Where(f => f.Key == "__RequestVerificationToken").ToList();
        fields.Count.ShouldBe(1);
        using (var start = await denpasar.PostFieldsAsync($"{url}?handler=Start", fields))
        {
            start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            new Uri(denpasar.Http.BaseAddress!, start.Headers.Location!).AbsolutePath.ShouldBe("/Account/AccessDenied");
        }

        (await _data.ScalarAsync<int>("SELECT status FROM coaching_items WHERE id = @id", ("id", id))).ShouldBe((int)CoachingStatus.Open);

        using var jateng = await _data.SignedInAsync(JatengChair);
        foreach (var path in new[] { url, $"/FieldWork/Coaching/Create?nomination={nomination.Id}" })
        {
            using var response = await jateng.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        (await jateng.GetPageAsync("/FieldWork/Coaching")).QuerySelector($"[data-item-id='{id}']").ShouldBeNull();
    }

    [Fact]
    public async Task The_open_items_page_groups_by_nomination_and_marks_exactly_the_overdue_items_with_their_days()
    {
        var tag = Tag();
        var late = await _data.NominationAsync("51.71", name: $"PT Terlambat {tag}");
        var onTime = await _data.NominationAsync("51.04", name: $"PT Tepat {tag}");
        var today = BaliToday;
        var tenDays = await _data.ItemAsync(late, today.AddDays(-10), CoachingStatus.InProgress, finding: $"Sepuluh hari {tag}");
        var dueToday = await _data.ItemAsync(late, today, finding: $"Hari ini {tag}");
        var oneDay = await _data.ItemAsync(late, today.AddDays(-1), finding: $"Satu hari {tag}");
        await _data.ItemAsync(late, today.AddDays(-30), CoachingStatus.Resolved, finding: $"Selesai {tag}");
        await _data.ItemAsync(late, today.AddDays(-30), CoachingStatus.Waived, finding: $"Dikesampingkan {tag}");
        var future = await _data.ItemAsync(onTime, today.AddDays(3), finding: $"Nanti {tag}");
        using var client = await _data.SignedInAsync(BaliMember);

        var page = await client.GetPageAsync("/FieldWork/Coaching");

        var groups = page.QuerySelectorAll("[data-testid=group]").Where(g => PortalClient.Text(g.QuerySelector("[data-testid=group-name]")).EndsWith(tag, StringComparison.Ordinal)).ToList();
        groups.Select(g => PortalClient.Text(g.QuerySelector("[data-testid=group-name]"))).ShouldBe([$"PT Terlambat {tag}", $"PT Tepat {tag}"]);
        PortalClient.Text(groups[0].QuerySelector("[data-testid=group-counts]")).ShouldBe("3 terbuka, 2 terlambat");
        PortalClient.Text(groups[1].QuerySelector("[data-testid=group-counts]")).ShouldBe("1 terbuka, 0 terlambat");
        var rows = groups[0].QuerySelectorAll("[data-testid=item]").ToList();
        rows.Select(r => r.GetAttribute("data-item-id")).ShouldBe(new[] { tenDays, oneDay, dueToday }.Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        rows.Select(r => PortalClient.Text(r.QuerySelector("[data-testid=overdue]"))).ShouldBe(["Terlambat 10 hari", "Terlambat 1 hari", ""]);
        rows.Select(r => r.ClassList.Contains("table-danger")).ShouldBe([true, true, false]);
        PortalClient.Text(rows[0].QuerySelectorAll("td")[2]).ShouldBe($"{Shown(today.AddDays(-10))} Terlambat 10 hari");
        groups[1].QuerySelectorAll("[data-testid=item]").Select(r => r.GetAttribute("data-item-id")).ShouldBe([future.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        groups[1].QuerySelector("[data-testid=overdue]").ShouldBeNull();

        var gianyarOnly = await client.GetPageAsync("/FieldWork/Coaching?regency=51.04");
        gianyarOnly.QuerySelectorAll("[data-testid=group-name]").Select(PortalClient.Text).ShouldNotContain($"PT Terlambat {tag}");
        gianyarOnly.QuerySelectorAll("[data-testid=group-name]").Select(PortalClient.Text).ShouldContain($"PT Tepat {tag}");
    }

    [Fact]
    public async Task The_gate_counts_open_and_in_progress_items_and_the_page_says_why()
    {
        var nomination = await _data.NominationAsync();
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
            (await CoachingGate.OpenItemsAsync(db, nomination.Id, CancellationToken.None)).ShouldBe(0);
        }

        await _data.ItemAsync(nomination, BaliToday.AddDays(3), CoachingStatus.Open);
        await _data.ItemAsync(nomination, BaliToday.AddDays(3), CoachingStatus.InProgress);
        var resolved = await _data.ItemAsync(nomination, BaliToday.AddDays(3), CoachingStatus.Resolved);
        await _data.ItemAsync(nomination, BaliToday.AddDays(3), CoachingStatus.Waived);
        var other = await _data.NominationAsync();
        await _data.ItemAsync(other, BaliToday.AddDays(3), CoachingStatus.Open);

        int open;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
            open = await CoachingGate.OpenItemsAsync(db, nomination.Id, CancellationToken.None);
        }

        open.ShouldBe(2);
        NominationWorkflow.Decide(NominationStatus.InFieldAssessment, NominationAction.MarkReadyForScoring, Domain.Access.Roles.CommitteeMember, facts: new WorkflowFacts(open))
            .Refusal.ShouldBe(WorkflowTexts.OpenCoachingItems);

        using var client = await _data.SignedInAsync(BaliMember);
        var hub = await client.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        PortalClient.Text(hub.QuerySelector("[data-testid=gate]")).ShouldBe(
            "Belum dapat ditandai siap dinilai: 2 butir pembinaan masih terbuka atau sedang ditindaklanjuti. Selesaikan atau minta Ketua Tim Panitia mengesampingkannya dulu.");

        // Once the open ones are resolved, nothing holds the nomination back.
        await _data.ExecuteAsync($"UPDATE coaching_items SET status = 3 WHERE nomination_id = {nomination.Id}");
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
            open = await CoachingGate.OpenItemsAsync(db, nomination.Id, CancellationToken.None);
        }

        open.ShouldBe(0);
        NominationWorkflow.Decide(NominationStatus.InFieldAssessment, NominationAction.MarkReadyForScoring, Domain.Access.Roles.CommitteeMember, facts: new WorkflowFacts(open))
            .ShouldBe(new WorkflowDecision(true, NominationStatus.ReadyForScoring, null));
        PortalClient.Text((await client.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}")).QuerySelector("[data-testid=gate]"))
            .ShouldBe("Semua butir pembinaan sudah selesai atau dikesampingkan.");
        resolved.ShouldBePositive();
    }

    [Fact]
    public async Task The_summary_for_the_nomination_page_counts_visits_items_and_files()
    {
        var nomination = await _data.NominationAsync();
        var now = DateTimeOffset.UtcNow;
        await _data.VisitAsync(nomination, now.AddDays(-3), VisitStatus.Done);
        await _data.VisitAsync(nomination, now.AddDays(6), place: "Kantor cabang");
        await _data.VisitAsync(nomination, now.AddDays(2), place: "Pabrik");
        await _data.VisitAsync(nomination, now.AddDays(1), VisitStatus.Cancelled);
        var overdue = await _data.ItemAsync(nomination, BaliToday.AddDays(-4), finding: "Terlambat");
        var open = await _data.ItemAsync(nomination, BaliToday.AddDays(4), CoachingStatus.InProgress, finding: "Berjalan");
        await _data.ItemAsync(nomination, BaliToday.AddDays(-4), CoachingStatus.Resolved);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParitranaDbContext>();
        var summary = await NominationFieldWork.LoadAsync(db, nomination.Id, Domain.Access.Roles.CommitteeMember, TimeProvider.System, CancellationToken.None);
        var asBranch = await NominationFieldWork.LoadAsync(db, nomination.Id, Domain.Access.Roles.BranchOfficer, TimeProvider.System, CancellationToken.None);

        summary.ShouldBe(summary with
        {
            NominationId = nomination.Id,
            ProvinceCode = "51",
            VisitsPlanned = 2,
            VisitsDone = 1,
            NextVisitPlace = "Pabrik",
            OpenItems = 2,
            OverdueItems = 1,
            ClosedItems = 1,
            Files = 0,
            CanChange = true,
        });
        summary.FirstOpenItems.ShouldBe(new NominationFieldWork.OpenItem[]
        {
            new NominationFieldWork.OpenItem(overdue, "Terlambat", BaliToday.AddDays(-4), CoachingStatus.Open, 4),
            new NominationFieldWork.OpenItem(open, "Berjalan", BaliToday.AddDays(4), CoachingStatus.InProgress, 0),
        });
        asBranch.CanChange.ShouldBeFalse();
    }
}
