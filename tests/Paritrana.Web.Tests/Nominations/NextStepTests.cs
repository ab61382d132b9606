using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.FieldWork;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Tests.FieldWork;
using static Paritrana.Web.Tests.FieldWork.FieldWorkTestData;

namespace Paritrana.Web.Tests.Nominations;

/// <summary>
/// Every nomination page says what happens next, whose turn it is and since when, and offers the
/// person looking exactly the steps they may take, each reason box inside its own step's form; the
/// field-work page offers "Tandai siap dinilai" beside the gate once every coaching item is done.
/// </summary>
public class NextStepTests(FieldWorkFixture fixture) : IClassFixture<FieldWorkFixture>
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    private readonly FieldWorkTestData _data = new(fixture);

    /// <summary>Today in Bali (WITA, UTC+8), worked out here rather than by the portal's code.</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Indonesian(DateOnly d) => $"{d.Day} {Months[d.Month - 1]} {d.Year}";

    [Fact]
    public async Task A_submitted_nomination_waits_for_its_branch_office_since_the_day_it_was_submitted_and_only_the_officer_is_told_it_is_their_turn()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.Submitted);
        var submittedOn = Today.AddDays(-3);
        await StatusChangedAsync(nomination.Id, NominationStatus.Draft, NominationStatus.Submitted, NominationAction.Submit, submittedOn);
        var expected = $"Menunggu verifikasi Kantor Cabang Denpasar sejak 3 hari ({Indonesian(submittedOn)}).";

        using var chair = await _data.SignedInAsync(BaliChair);
        var asChair = await chair.GetPageAsync($"/Nominations/Details/{nomination.Id}");
        PortalClient.Text(asChair.QuerySelector("[data-testid=next-step-text]")).ShouldBe(expected);
        asChair.QuerySelector("[data-testid=next-step-yours]").ShouldBeNull();
        // The chair may only withdraw: one step, in its own box, with its own reason field.
        Steps(asChair).ShouldBe(["Withdraw"]);
        ReasonLabels(asChair).ShouldBe(["Withdraw|Alasan untuk langkah \"Tarik nominasi\""]);

        using var officer = await _data.SignedInAsync(Denpasar);
        var asOfficer = await officer.GetPageAsync($"/Nominations/Details/{nomination.Id}");
        PortalClient.Text(asOfficer.QuerySelector("[data-testid=next-step-text]")).ShouldBe(expected);
        PortalClient.Text(asOfficer.QuerySelector("[data-testid=next-step-yours]")).ShouldBe("Giliran Anda: langkahnya ada di bawah ini.");
        Steps(asOfficer).ShouldBe(["Verify", "Return"]);
        ReasonLabels(asOfficer).ShouldBe(["Return|Alasan untuk langkah \"Kembalikan dengan alasan\""]);
    }

    [Fact]
    public async Task On_a_finalist_forwarding_has_no_reason_box_and_withdrawing_has_its_own()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.Finalist);
        await StatusChangedAsync(nomination.Id, NominationStatus.Scored, NominationStatus.Finalist, NominationAction.DecideFinalist, Today);

        using var chair = await _data.SignedInAsync(BaliChair);
        var page = await chair.GetPageAsync($"/Nominations/Details/{nomination.Id}");
        PortalClient.Text(page.QuerySelector("[data-testid=next-step-text]"))
            .ShouldBe($"Menunggu diteruskan ke tingkat nasional oleh Ketua Tim Panitia sejak hari ini ({Indonesian(Today)}).");
        PortalClient.Text(page.QuerySelector("[data-testid=next-step-yours]")).ShouldBe("Giliran Anda: langkahnya ada di bawah ini.");
        Steps(page).ShouldBe(["Forward", "Withdraw"]);
        page.QuerySelector("#action-Forward textarea").ShouldBeNull();
        page.QuerySelector("#action-Forward")!.Closest("details").ShouldBeNull();
        ReasonLabels(page).ShouldBe(["Withdraw|Alasan untuk langkah \"Tarik nominasi\""]);
    }

    [Fact]
    public async Task A_refused_step_shows_its_error_inside_its_own_box_and_keeps_the_page_s_address()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.Finalist);
        using var chair = await _data.SignedInAsync(BaliChair);
        var url = $"/Nominations/Details/{nomination.Id}";
        var page = await chair.GetPageAsync(url);
        using var refused = await chair.SubmitFormAsync(page, url, "#action-Withdraw", new Dictionary<string, string> { ["reason"] = "  " });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await PortalClient.ParseAsync(refused);
        var box = shown.QuerySelector("details[data-action=Withdraw]")!;
        box.HasAttribute("open").ShouldBeTrue();
        PortalClient.Text(box.QuerySelector("[data-testid=transition-error]")).ShouldBe("Alasan wajib diisi untuk langkah ini.");
        shown.QuerySelectorAll("[data-testid=transition-error]").Length.ShouldBe(1);
        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", nomination.Id))).ShouldBe((int)NominationStatus.Finalist);
    }

    [Fact]
    public async Task The_field_work_page_offers_ready_for_scoring_beside_the_gate_once_every_item_is_done_and_it_takes_the_step()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.InFieldAssessment);
        var item = await _data.ItemAsync(nomination, Today.AddDays(5));
        using var member = await _data.SignedInAsync(BaliMember);
        var url = $"/FieldWork/Nomination/{nomination.Id}";

        var open = await member.GetPageAsync(url);
        open.QuerySelector("#mark-ready-form").ShouldBeNull();
        PortalClient.Text(open.QuerySelector("[data-testid=next-step-text]")).ShouldStartWith("Menunggu penilaian lapangan selesai dan ditandai siap dinilai oleh tim panitia sejak ");
        PortalClient.Text(open.QuerySelector("[data-testid=next-step-yours]"))
            .ShouldBe("Giliran Anda: selesaikan atau kesampingkan semua butir pembinaan, lalu tandai siap dinilai.");

        await _data.ExecuteAsync($"UPDATE coaching_items SET status = {(int)CoachingStatus.Resolved} WHERE id = {item}");
        var done = await member.GetPageAsync(url);
        PortalClient.Text(done.QuerySelector("[data-testid=gate]")).ShouldBe("Semua butir pembinaan sudah selesai atau dikesampingkan.");
        var form = done.QuerySelector<IHtmlFormElement>("#mark-ready-form")!;
        form.Action.ShouldEndWith($"/Nominations/Details/{nomination.Id}?handler=Transition");
        PortalClient.Text(form.QuerySelector("button")).ShouldBe("Tandai siap dinilai");

        using var marked = await member.SubmitFormAsync(done, url, "#mark-ready-form", new Dictionary<string, string>());
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        marked.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Details/{nomination.Id}");
        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", nomination.Id))).ShouldBe((int)NominationStatus.ReadyForScoring);
        (await _data.ScalarAsync<string>("SELECT concat_ws('|', \"from\", \"to\", action) FROM status_changes WHERE nomination_id = @n", ("n", nomination.Id)))
            .ShouldBe($"{(int)NominationStatus.InFieldAssessment}|{(int)NominationStatus.ReadyForScoring}|{(int)NominationAction.MarkReadyForScoring}");
    }

    [Fact]
    public async Task A_chair_is_not_offered_ready_for_scoring_on_a_nomination_that_still_has_an_open_item_on_its_details_page()
    {
        var nomination = await _data.NominationAsync(status: NominationStatus.InFieldAssessment);
        await _data.ItemAsync(nomination, Today.AddDays(5));
        using var chair = await _data.SignedInAsync(BaliChair);
        var page = await chair.GetPageAsync($"/Nominations/Details/{nomination.Id}");
        var form = page.QuerySelector("#action-MarkReadyForScoring")!;
        form.QuerySelector<IHtmlButtonElement>("button")!.IsDisabled.ShouldBeTrue();
        PortalClient.Text(form.QuerySelector("[data-testid=action-precondition]")).ShouldBe("Belum dapat ditandai siap dinilai: 1 butir pembinaan masih terbuka atau sedang ditindaklanjuti. Selesaikan atau minta Ketua Tim Panitia mengesampingkannya dulu.");
    }

    private async Task StatusChangedAsync(int nominationId, NominationStatus from, NominationStatus to, NominationAction action, DateOnly baliDay)
    {
        var at = new DateTimeOffset(baliDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        await _data.ExecuteAsync(
            $"INSERT INTO status_changes (nomination_id, \"from\", \"to\", action, user_name, at) VALUES ({nominationId}, {(int)from}, {(int)to}, {(int)action}, 'Uji', '{at.ToString("O", CultureInfo.InvariantCulture)}')");
    }

    /// <summary>The steps offered, in the order shown.</summary>
    private static List<string> Steps(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=actions] form input[name=action]").Select(i => i.GetAttribute("value")!).ToList();

    /// <summary>Each reason box as "step|its label": every textarea sits in the form of its own step.</summary>
    private static List<string> ReasonLabels(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=actions] textarea[name=reason]")
            .Select(t => t.Closest("form")!.QuerySelector("input[name=action]")!.GetAttribute("value") + "|" + PortalClient.Text(page.QuerySelector($"label[for='{t.Id}']")))
            .ToList();
}
