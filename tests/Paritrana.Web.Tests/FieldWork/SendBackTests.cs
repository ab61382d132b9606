using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.FieldWork;

/// <summary>
/// After the coaching gate (ready for scoring or later) no coaching item is recorded or reopened;
/// the field-work page says so and offers the chair "Kembalikan ke penilaian lapangan", a workflow
/// step with a required reason, audited like the others, also offered on the nomination's page.
/// A member is refused it and nothing changes (decisions/014).
/// </summary>
public class SendBackTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private const string PastGate = "Nominasi ini sudah siap dinilai, jadi butir pembinaan tidak dapat dicatat atau dibuka kembali. Bila masih ada temuan, Ketua Tim Panitia dapat mengembalikan nominasi ke penilaian lapangan dengan alasan; setelah itu butir pembinaan dapat dicatat lagi.";
    private const string PastScoring = "Nominasi ini sudah dinilai, jadi butir pembinaan tidak dapat lagi dicatat atau dibuka kembali.";
    private const string Reason = "Kunjungan susulan menemukan 40 pekerja harian belum didaftarkan.";

    private readonly FieldWorkTestData _data = new(fixture);

    private static string Due => BaliToday.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task After_the_gate_an_item_is_refused_with_what_to_do_and_nothing_is_stored()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.ReadyForScoring);
        using var member = await _data.SignedInAsync(BaliMember);

        var fieldWork = await member.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        PortalClient.Text(fieldWork.QuerySelector("[data-testid=coaching-refusal]")).ShouldBe(PastGate);
        fieldWork.QuerySelector("[data-testid=create-item-link]").ShouldBeNull();
        fieldWork.QuerySelector("#send-back-form").ShouldBeNull(); // the chair's step

        var url = $"/FieldWork/Coaching/Create?nomination={nomination.Id}";
        var form = await member.GetPageAsync(url);
        PortalClient.Text(form.QuerySelector("[data-testid=refusal]")).ShouldBe(PastGate);
        form.QuerySelector<IHtmlButtonElement>("#create-item-form button[type=submit]")!.IsDisabled.ShouldBeTrue();

        // A post anyway (an old tab) is refused whole, with what was typed kept on the page.
        var fields = PortalClient.ReadForm(form.QuerySelector<IHtmlFormElement>("#create-item-form")!)
            .Where(f => !f.Key.StartsWith("Input.", StringComparison.Ordinal))
            .Append(new("Input.Finding", "Pekerja harian belum terdaftar"))
            .Append(new("Input.Recommendation", "Daftarkan"))
            .Append(new("Input.DueDate", Due));
        using var posted = await member.PostFieldsAsync(url, fields);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(posted);
        Summary(page).ShouldBe(PastGate);
        page.QuerySelector<IHtmlTextAreaElement>("#Input_Finding")!.Value.ShouldBe("Pekerja harian belum terdaftar");
        (await _data.CountAsync("SELECT count(*) FROM coaching_items WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
        (await _data.CountAsync($"SELECT count(*) FROM audit_events WHERE action = 'coaching.created' AND {AuditSql.Text("details")} LIKE @d", ("d", $"nomination: {nomination.Id};%"))).ShouldBe(0L);
    }

    [Fact]
    public async Task After_the_gate_the_chair_cannot_reopen_an_item()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.Scored);
        var item = await _data.ItemAsync(nomination, BaliToday.AddDays(3), CoachingStatus.Waived);
        using var chair = await _data.SignedInAsync(BaliChair);
        var url = $"/FieldWork/Coaching/Item/{item}";

        var page = await chair.GetPageAsync(url);
        page.QuerySelector("#reopen-form").ShouldBeNull();
        PortalClient.Text(page.QuerySelector("[data-testid=reopen-refusal]")).ShouldBe(PastScoring + " Buka kunjungan & pembinaan");
        var fieldWork = await chair.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        PortalClient.Text(fieldWork.QuerySelector("[data-testid=coaching-refusal]")).ShouldBe(PastScoring);
        fieldWork.QuerySelector("#send-back-form").ShouldBeNull(); // not once scored

        var token = PortalClient.ReadForm(page.QuerySelector<IHtmlFormElement>("form[method=post]")!).Where(f => f.Key == "__RequestVerificationToken");
        var version = await _data.ScalarAsync<long>("SELECT xmin::text::bigint FROM coaching_items WHERE id = @id", ("id", item));
        using var posted = await chair.PostFieldsAsync($"{url}?handler=Reopen", token.Append(new("Input.Version", version.ToString(CultureInfo.InvariantCulture))));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        Summary(await PortalClient.ParseAsync(posted)).ShouldBe(PastScoring);
        (await _data.ScalarAsync<int>("SELECT status FROM coaching_items WHERE id = @id", ("id", item))).ShouldBe((int)CoachingStatus.Waived);
        (await _data.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'coaching.reopened' AND entity_id = @id", ("id", item.ToString(CultureInfo.InvariantCulture)))).ShouldBe(0L);
    }

    [Fact]
    public async Task The_chair_sends_the_nomination_back_with_a_reason_from_the_field_work_page_and_items_can_be_recorded_again()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.ReadyForScoring);
        var item = await _data.ItemAsync(nomination, BaliToday.AddDays(3), CoachingStatus.Resolved);
        using var chair = await _data.SignedInAsync(BaliChair);
        var url = $"/FieldWork/Nomination/{nomination.Id}";
        var page = await chair.GetPageAsync(url);
        PortalClient.Text(page.QuerySelector("[data-testid=coaching-refusal]")).ShouldBe(PastGate);
        PortalClient.Text(page.QuerySelector("label[for=send-back-reason]")).ShouldBe("Alasan mengembalikan ke penilaian lapangan");

        // Without a reason: refused beside the field, nothing changes.
        using (var noReason = await chair.SubmitFormAsync(page, url, "#send-back-form", new Dictionary<string, string> { ["reason"] = "  " }))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
            var refused = await PortalClient.ParseAsync(noReason);
            FieldError(refused, "reason").ShouldBe("Alasan wajib diisi untuk langkah ini.");
            refused.QuerySelector("#send-back-reason")!.ClassList.ShouldContain("is-invalid");
        }

        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @n", ("n", nomination.Id))).ShouldBe((int)NominationStatus.ReadyForScoring);

        using var sent = await chair.SubmitFormAsync(page, url, "#send-back-form", new Dictionary<string, string> { ["reason"] = " " + Reason + " " });

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.ShouldBe(url);
        var chairId = await _data.UserIdAsync(BaliChair);
        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @n", ("n", nomination.Id))).ShouldBe((int)NominationStatus.InFieldAssessment);
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', \"from\", \"to\", action, user_id, user_name, reason) FROM status_changes WHERE nomination_id = @n", ("n", nomination.Id)))
            .ShouldBe($"6|5|13|{chairId}|{BaliChairName}|{Reason}");
        (await _data.ScalarAsync<string>($"SELECT concat_ws('|', action, user_id, province_code, {AuditSql.Text("details")}) FROM audit_events WHERE entity_type = 'nomination' AND entity_id = @n", ("n", nomination.Id.ToString(CultureInfo.InvariantCulture))))
            .ShouldBe($"nomination.status-changed|{chairId}|51|ReadyForScoring → InFieldAssessment; reason: {Reason}");

        var after = await PortalClient.ParseAsync(await chair.FollowAsync(sent));
        PortalClient.Text(after.QuerySelector(".alert-success")).ShouldBe("Nominasi telah dikembalikan ke penilaian lapangan; butir pembinaan kini dapat dicatat atau dibuka kembali.");
        after.QuerySelector("[data-testid=coaching-closed]").ShouldBeNull();
        after.QuerySelector("[data-testid=create-item-link]").ShouldNotBeNull();

        // The resolved item can be reopened again, and a new one recorded.
        (await chair.GetPageAsync($"/FieldWork/Coaching/Item/{item}")).QuerySelector("#reopen-form").ShouldNotBeNull();
        using var created = await chair.SubmitFormAsync($"/FieldWork/Coaching/Create?nomination={nomination.Id}", "#create-item-form", new Dictionary<string, string>
        {
            ["Input.Finding"] = "40 pekerja harian belum didaftarkan",
            ["Input.Recommendation"] = "Daftarkan ke JKK dan JKM",
            ["Input.DueDate"] = Due,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _data.CountAsync("SELECT count(*) FROM coaching_items WHERE nomination_id = @n AND status = 1", ("n", nomination.Id))).ShouldBe(1L);
    }

    [Fact]
    public async Task The_chair_finds_the_step_with_the_other_workflow_steps_on_the_nomination_page()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.ReadyForScoring);
        using var chair = await _data.SignedInAsync(BaliChair);
        var url = $"/Nominations/Details/{nomination.Id}";
        var page = await chair.GetPageAsync(url);
        page.QuerySelectorAll("[data-testid=actions] form button[type=submit]").Select(PortalClient.Text)
            .ShouldBe(["Tandai sudah dinilai", "Tarik nominasi", "Kembalikan ke penilaian lapangan"]);
        PortalClient.Text(page.QuerySelector("#action-ReturnToFieldAssessment label")).ShouldBe("Alasan untuk langkah \"Kembalikan ke penilaian lapangan\"");
        PortalClient.Text(page.QuerySelector("[data-testid=send-back-help]")).ShouldStartWith("Status nominasi kembali menjadi Penilaian lapangan");

        using var sent = await chair.SubmitFormAsync(page, url, "#action-ReturnToFieldAssessment", new Dictionary<string, string> { ["reason"] = Reason });

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await PortalClient.ParseAsync(await chair.FollowAsync(sent));
        PortalClient.Text(after.QuerySelector(".alert-success")).ShouldBe("Status nominasi diubah dari Siap dinilai menjadi Penilaian lapangan.");
        PortalClient.Text(after.QuerySelector("[data-testid=status-change] [data-testid=action]")).ShouldBe("Kembalikan ke penilaian lapangan");
        PortalClient.Text(after.QuerySelector("[data-testid=status-change] [data-testid=reason]")).ShouldBe($"Alasan: {Reason}");
    }

    [Fact]
    public async Task A_member_is_refused_the_step_on_both_pages_and_nothing_changes()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.ReadyForScoring);
        using var member = await _data.SignedInAsync(BaliMember);
        var details = await member.GetPageAsync($"/Nominations/Details/{nomination.Id}");
        details.QuerySelector("#action-ReturnToFieldAssessment").ShouldBeNull();
        var fieldWork = await member.GetPageAsync($"/FieldWork/Nomination/{nomination.Id}");
        fieldWork.QuerySelector("#send-back-form").ShouldBeNull();
        var token = PortalClient.ReadForm(details.QuerySelector<IHtmlFormElement>("#action-Withdraw")!).Single(f => f.Key == "__RequestVerificationToken");
        var version = PortalClient.ReadForm(details.QuerySelector<IHtmlFormElement>("#action-Withdraw")!).Single(f => f.Key == "version");
        var auditBefore = await _data.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM audit_events");

        // The workflow refuses the step to a member on the nomination's page ...
        using (var transition = await member.PostFieldsAsync($"/Nominations/Details/{nomination.Id}?handler=Transition",
                   [token, version, new("action", nameof(NominationAction.ReturnToFieldAssessment)), new("reason", Reason)]))
        {
            transition.StatusCode.ShouldBe(HttpStatusCode.OK);
            PortalClient.Text((await PortalClient.ParseAsync(transition)).QuerySelector("[data-testid=transition-error]")).ShouldBe("Peran Anda tidak berwenang melakukan langkah ini.");
        }

        // ... and the field-work page's handler is the chair's alone.
        using (var sendBack = await member.PostFieldsAsync($"/FieldWork/Nomination/{nomination.Id}?handler=SendBack", [token, version, new("reason", Reason)]))
        {
            sendBack.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            sendBack.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        }

        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @n", ("n", nomination.Id))).ShouldBe((int)NominationStatus.ReadyForScoring);
        (await _data.CountAsync("SELECT count(*) FROM status_changes WHERE nomination_id = @n", ("n", nomination.Id))).ShouldBe(0L);
        (await _data.CountAsync("SELECT count(*) FROM audit_events WHERE id > @a AND action <> 'auth.access-refused'", ("a", auditBefore))).ShouldBe(0L);
    }
}
