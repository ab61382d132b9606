using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Auditing;
using Paritrana.Domain.Cycles;
using Paritrana.Domain.Nominations;
using static Paritrana.Web.Tests.Nominations.NominationTestData;

namespace Paritrana.Web.Tests.Nominations;

/// <summary>
/// Who may see and move a nomination: province isolation, the branch officer's area, the roles of
/// the workflow, illegal steps posted by hand, two people acting at once, and the pipeline counts.
/// </summary>
public class NominationAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string TransitionConflict =
        "Nominasi ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi langkah Anda bila masih perlu.";

    private readonly NominationTestData _data = new(portal);

    [Fact]
    public async Task A_Jawa_Tengah_member_can_neither_see_nor_change_a_Bali_nomination()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await _data.NominationAsync(cycle, await _data.EmployerAsync("51.71"), NominationStatus.Submitted);
        using var jateng = await _data.SignedInAsync(JatengMember);
        var before = await Snapshot(id);

        (await jateng.GetAsync($"/Nominations/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await jateng.GetAsync($"/Nominations/Edit/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var posted = await PostTransitionAsync(jateng, id, "Withdraw", "Bukan wilayah kami."))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var posted = await PostByHandAsync(jateng, $"/Nominations/Edit/{id}", [new("Input.Workers", "1"), new("Input.Version", await Version(id))]))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var list = await jateng.GetPageAsync($"/Nominations?cycle={cycle.YearText}");
        list.QuerySelector($"[data-testid=nomination-row][data-id='{id}']").ShouldBeNull();
        (await Snapshot(id)).ShouldBe(before);
        (await StatusChanges(id)).ShouldBe(0L);
    }

    [Fact]
    public async Task The_Gianyar_officer_can_neither_see_nor_verify_a_Denpasar_nomination()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await _data.NominationAsync(cycle, await _data.EmployerAsync("51.71"), NominationStatus.Submitted);
        using var gianyar = await _data.SignedInAsync(Gianyar);
        var before = await Snapshot(id);

        (await gianyar.GetAsync($"/Nominations/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var posted = await PostTransitionAsync(gianyar, id, "Verify", null))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var posted = await PostByHandAsync(gianyar, $"/Verification?handler=Verify&id={id}", [new("version", await Version(id))]))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var queue = await gianyar.GetPageAsync("/Verification");
        queue.QuerySelector($"[data-testid=queue-item][data-id='{id}']").ShouldBeNull();
        var list = await gianyar.GetPageAsync($"/Nominations?cycle={cycle.YearText}");
        list.QuerySelector($"[data-testid=nomination-row][data-id='{id}']").ShouldBeNull();
        (await Snapshot(id)).ShouldBe(before);
        (await StatusChanges(id)).ShouldBe(0L);

        // The Denpasar officer does see it.
        using var denpasar = await _data.SignedInAsync(Denpasar);
        (await denpasar.GetPageAsync("/Verification")).QuerySelector($"[data-testid=queue-item][data-id='{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_committee_member_cannot_verify()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await _data.NominationAsync(cycle, await _data.EmployerAsync("51.71"), NominationStatus.Submitted);
        using var member = await _data.SignedInAsync(Member);
        var details = await member.GetPageAsync($"/Nominations/Details/{id}");
        details.QuerySelector("#action-Verify").ShouldBeNull();
        details.QuerySelectorAll("[data-testid=actions] form").Select(f => f.Id).ShouldBe(["action-Withdraw"]);
        var before = await Snapshot(id);

        using var refused = await PostTransitionAsync(member, id, "Verify", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=transition-error]")).ShouldBe("Peran Anda tidak berwenang melakukan langkah ini.");
        (await Snapshot(id)).ShouldBe(before);
        (await StatusChanges(id)).ShouldBe(0L);
    }

    [Theory]
    [InlineData(Chair, NominationStatus.Draft, "Forward", null, "Langkah ini tidak dapat dilakukan pada status nominasi saat ini.")]
    [InlineData(Member, NominationStatus.Draft, "Verify", null, "Langkah ini tidak dapat dilakukan pada status nominasi saat ini.")]
    [InlineData(Member, NominationStatus.Withdrawn, "Submit", null, "Nominasi ini sudah selesai; statusnya tidak dapat diubah lagi.")]
    [InlineData(Member, NominationStatus.Draft, "Withdraw", "  ", "Alasan wajib diisi untuk langkah ini.")]
    [InlineData(Denpasar, NominationStatus.Submitted, "Return", "", "Alasan wajib diisi untuk langkah ini.")]
    [InlineData(Member, NominationStatus.Draft, "99", null, "Langkah yang diminta tidak dikenal.")]
    public async Task An_illegal_step_posted_by_hand_is_refused_and_changes_nothing(string email, NominationStatus status, string action, string? reason, string message)
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await _data.NominationAsync(cycle, await _data.EmployerAsync("51.71"), status);
        using var client = await _data.SignedInAsync(email);
        var before = await Snapshot(id);

        using var refused = await PostTransitionAsync(client, id, action, reason);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalClient.Text((await PortalClient.ParseAsync(refused)).QuerySelector("[data-testid=transition-error]")).ShouldBe(message);
        (await Snapshot(id)).ShouldBe(before);
        (await StatusChanges(id)).ShouldBe(0L);
    }

    [Fact]
    public async Task When_two_officers_act_at_once_the_second_is_refused_and_nothing_of_theirs_is_saved()
    {
        var cycle = await _data.SharedCycleAsync();
        var id = await _data.NominationAsync(cycle, await _data.EmployerAsync("51.71"), NominationStatus.Submitted);
        using var first = await _data.SignedInAsync(Denpasar);
        using var second = await _data.SignedInAsync(Denpasar);
        var url = $"/Nominations/Details/{id}";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);

        using (var verified = await first.SubmitFormAsync(firstPage, url, "#action-Verify", new Dictionary<string, string>()))
        {
            verified.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var returned = await second.SubmitFormAsync(secondPage, url, "#action-Return", new Dictionary<string, string> { ["reason"] = "Angka PU tidak cocok." }))
        {
            returned.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PortalClient.ParseAsync(returned);
            PortalClient.Text(page.QuerySelector("[data-testid=transition-error]")).ShouldBe(TransitionConflict);
            PortalClient.Text(page.QuerySelector("[data-testid=status]")).ShouldBe("Terverifikasi");
            page.QuerySelector<IHtmlTextAreaElement>("#reason-Return").ShouldBeNull();
        }

        (await _data.ScalarAsync<string>("SELECT status || '|' || coalesce(last_return_reason, '-') FROM nominations WHERE id = @id", ("id", id))).ShouldBe("3|-");
        (await _data.ScalarAsync<string>("SELECT string_agg(\"from\" || '>' || \"to\", ',') FROM status_changes WHERE nomination_id = @id", ("id", id))).ShouldBe("2>3");
        (await _data.CountAsync("SELECT count(*) FROM audit_events WHERE action = @a AND entity_id = @e",
            ("a", AuditActions.NominationStatusChanged), ("e", id.ToString(CultureInfo.InvariantCulture)))).ShouldBe(1L);
    }

    [Fact]
    public async Task The_pipeline_counts_each_status_of_the_cycle_in_scope_exactly()
    {
        var cycle = await _data.CycleAsync();
        var ids = new List<int>();
        foreach (var (regency, status, kind) in new[]
                 {
                     ("51.71", NominationStatus.Draft, CategoryKind.LargeCompany),
                     ("51.71", NominationStatus.Draft, CategoryKind.LargeCompany),
                     ("51.03", NominationStatus.Draft, CategoryKind.MediumCompany),
                     ("51.71", NominationStatus.Submitted, CategoryKind.LargeCompany),
                     ("51.02", NominationStatus.Submitted, CategoryKind.MediumCompany),
                     ("51.71", NominationStatus.Returned, CategoryKind.LargeCompany),
                     ("51.01", NominationStatus.Verified, CategoryKind.LargeCompany),
                     ("51.04", NominationStatus.Submitted, CategoryKind.LargeCompany),
                     ("33.74", NominationStatus.Draft, CategoryKind.LargeCompany),
                 })
        {
            ids.Add(await _data.NominationAsync(cycle, await _data.EmployerAsync(regency), status, kind));
        }

        using var member = await _data.SignedInAsync(Member);
        var list = await member.GetPageAsync($"/Nominations?cycle={cycle.YearText}");
        Pipeline(list).ShouldBe("all 8, Draft 3, Submitted 3, Verified 1, Returned 1");
        list.QuerySelectorAll("[data-testid=nomination-row]").Length.ShouldBe(8);

        var submittedLink = list.QuerySelector("[data-testid=pipeline-Submitted]")!.GetAttribute("href")!;
        submittedLink.ShouldBe($"/Nominations?cycle={cycle.YearText}&status=Submitted");
        var submitted = await member.GetPageAsync(submittedLink);
        submitted.QuerySelectorAll("[data-testid=nomination-row] [data-testid=status]").Select(PortalClient.Text).ShouldBe(["Diajukan", "Diajukan", "Diajukan"]);

        var medium = await member.GetPageAsync($"/Nominations?cycle={cycle.YearText}&category={cycle.Categories[CategoryKind.MediumCompany]}");
        Pipeline(medium).ShouldBe("all 2, Draft 1, Submitted 1");
        medium.QuerySelector("[data-testid=pipeline-Draft]")!.GetAttribute("href")
            .ShouldBe($"/Nominations?cycle={cycle.YearText}&category={cycle.Categories[CategoryKind.MediumCompany]}&status=Draft");

        var gianyarRegency = await member.GetPageAsync($"/Nominations?cycle={cycle.YearText}&regency=51.04");
        Pipeline(gianyarRegency).ShouldBe("all 1, Submitted 1");

        var gianyarBranch = await _data.ScalarAsync<int>("SELECT id FROM branch_offices WHERE name = 'Kantor Cabang Gianyar'");
        Pipeline(await member.GetPageAsync($"/Nominations?cycle={cycle.YearText}&branch={gianyarBranch}")).ShouldBe("all 1, Submitted 1");

        using var officer = await _data.SignedInAsync(Denpasar);
        Pipeline(await officer.GetPageAsync($"/Nominations?cycle={cycle.YearText}")).ShouldBe("all 7, Draft 3, Submitted 2, Verified 1, Returned 1");

        using var jateng = await _data.SignedInAsync(JatengMember);
        Pipeline(await jateng.GetPageAsync($"/Nominations?cycle={cycle.YearText}")).ShouldBe("all 1, Draft 1");

        using var admin = await _data.SignedInAsync(AdminEmail);
        Pipeline(await admin.GetPageAsync($"/Nominations?cycle={cycle.YearText}")).ShouldBe("all 9, Draft 4, Submitted 3, Verified 1, Returned 1");
    }

    /// <summary>"all N, Status n, ...": the total and the non-zero counts in workflow order (a status without a count shows as "Status ").</summary>
    private static string Pipeline(IHtmlDocument page)
    {
        var counts = Enum.GetValues<NominationStatus>()
            .Select(s => (Status: s, Count: PortalClient.Text(page.QuerySelector($"[data-testid=pipeline-{s}] .count"))))
            .Where(c => c.Count != "0")
            .Select(c => $"{c.Status} {c.Count}");
        return string.Join(", ", counts.Prepend($"all {PortalClient.Text(page.QuerySelector("[data-testid=pipeline-all] .count"))}"));
    }

    /// <summary>Posts a workflow step to a nomination's details page as a hand-made form would, with the nomination's current version.</summary>
    private async Task<HttpResponseMessage> PostTransitionAsync(PortalClient client, int id, string action, string? reason)
    {
        var fields = new List<KeyValuePair<string, string>> { new("action", action), new("version", await Version(id)) };
        if (reason is not null)
        {
            fields.Add(new("reason", reason));
        }

        return await PostByHandAsync(client, $"/Nominations/Details/{id}?handler=Transition", fields);
    }

    /// <summary>Posts fields with the antiforgery token of the client's session (taken from the sign-out form of the home page).</summary>
    private static async Task<HttpResponseMessage> PostByHandAsync(PortalClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var home = await client.GetPageAsync("/");
        var token = home.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostFieldsAsync(url, fields);
    }

    private async Task<string> Version(int id) => (await _data.ScalarAsync<string>("SELECT xmin::text FROM nominations WHERE id = @id", ("id", id)))!;

    private async Task<string?> Snapshot(int id) =>
        await _data.ScalarAsync<string>("SELECT xmin::text || ' ' || row_to_json(n)::text FROM nominations n WHERE id = @id", ("id", id));

    private async Task<long> StatusChanges(int id) => await _data.CountAsync("SELECT count(*) FROM status_changes WHERE nomination_id = @id", ("id", id));
}
