using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Domain.Nominations;
using Paritrana.Web.Accounts;
using Paritrana.Web.Tests.Mail;
using Paritrana.Web.Tests.Nominations;

namespace Paritrana.Web.Tests.Notifications;

/// <summary>
/// Notifications of a returned or verified nomination (docs/decisions/030): written with the status
/// change, to the nomination's creator and the province's chairs and nobody outside Bali; mailed at
/// once in the recipient's language with an absolute link; settled when the nomination is submitted
/// again; read from the list page. Mail goes to the run's smtp4dev.
/// </summary>
public class NotificationTests(MailPortalFixture portal) : IClassFixture<MailPortalFixture>
{
    private readonly NominationTestData _data = new(portal.Factory);

    /// <summary>A committee member of Bali with an address of their own, and a submitted Denpasar nomination they created.</summary>
    private async Task<(Guid Id, string Email, int Nomination, string Name)> CreatorWithSubmittedAsync(string fullName = "Ni Made Pembuat")
    {
        var member = await MailTestKit.MemberAsync(portal.Factory, fullName);
        var employer = await _data.EmployerAsync("51.71");
        var id = await _data.NominationAsync(await _data.SharedCycleAsync(), employer, NominationStatus.Submitted);
        await TestDatabase.ExecuteAsync($"UPDATE nominations SET created_by = '{member.Id}' WHERE id = {id}", portal.Factory.Database);
        return (member.Id, member.Email, id, employer.Name);
    }

    private async Task ReturnAsync(int nomination, string reason = "NPP tidak sesuai dengan data BPJamsostek.")
    {
        using var officer = await _data.SignedInAsync(NominationTestData.Denpasar);
        var queue = await officer.GetPageAsync("/Verification");
        using var response = await officer.SubmitFormAsync(queue, "/Verification", $"#return-{nomination}", new Dictionary<string, string> { ["reason"] = reason });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<string?> RecipientsAsync(int nomination, string kind) =>
        _data.ScalarAsync<string>(
            "SELECT string_agg(u.email, ',' ORDER BY u.email) FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.link = @link AND n.kind = @kind",
            ("link", $"/Nominations/Details/{nomination}"), ("kind", kind));

    /// <summary>The active chairs of a province, from the accounts themselves.</summary>
    private async Task<List<string>> ChairsAsync(string province) =>
        ((await _data.ScalarAsync<string>(
            "SELECT string_agg(u.email, ',' ORDER BY u.email) FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE r.name = @role AND u.province_code = @p AND NOT u.is_disabled",
            ("role", Roles.CommitteeChair), ("p", province))) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public async Task A_returned_nomination_notifies_its_creator_and_Bali_s_chairs_only_mails_them_in_Indonesian_and_is_settled_by_resubmitting()
    {
        var (memberId, email, id, name) = await CreatorWithSubmittedAsync();
        var baliChairs = await ChairsAsync("51");
        baliChairs.ShouldContain("ketua.bali@paritrana.demo");
        var jatengBefore = await _data.CountAsync("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.province_code <> '51' OR n.province_code <> '51'");

        await ReturnAsync(id);

        (await RecipientsAsync(id, "NominationReturned")).ShouldBe(string.Join(',', baliChairs.Append(email).Order(StringComparer.Ordinal)));
        (await _data.CountAsync("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.province_code <> '51' OR n.province_code <> '51'")).ShouldBe(jatengBefore);
        // Jawa Tengah's committee has its own demo notifications (its 2021 rounds); none of them is about this nomination.
        (await _data.CountAsync("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email IN ('ketua.jateng@paritrana.demo', 'anggota.jateng@paritrana.demo') AND n.link = @link",
            ("link", $"/Nominations/Details/{id}"))).ShouldBe(0);
        // Nothing for the officer who acted.
        (await _data.CountAsync("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = @e", ("e", NominationTestData.Denpasar))).ShouldBe(0);

        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Nominasi {name} dikembalikan untuk diperbaiki");
        mail.Text.ShouldContain("Yth. Ni Made Pembuat,");
        mail.Text.ReplaceLineEndings("\n").ShouldContain($"Buka di portal:\nhttp://localhost/Nominations/Details/{id}\n");
        mail.Html.ShouldContain($"href=\"http://localhost/Nominations/Details/{id}\"");

        // The bell and the list.
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, MailTestKit.Password);
        var home = await member.GetPageAsync("/");
        home.QuerySelector("[data-testid=bell]")!.GetAttribute("data-count").ShouldBe("1");
        PortalClient.Text(home.QuerySelector("[data-testid=bell-count]")).ShouldBe("1");
        var list = await member.GetPageAsync("/Notifications");
        var items = list.QuerySelectorAll("[data-testid=notification]");
        items.Length.ShouldBe(1);
        items[0].GetAttribute("data-open").ShouldBe("true");
        PortalClient.Text(items[0].QuerySelector("[data-testid=notification-link]")).ShouldBe($"Nominasi {name} dikembalikan untuk diperbaiki");

        // Fixed and submitted again: settled, out of the bell, still in the list.
        var details = await member.GetPageAsync($"/Nominations/Details/{id}");
        using (var submitted = await member.SubmitFormAsync(details, $"/Nominations/Details/{id}", $"#action-{NominationAction.Submit}", new Dictionary<string, string>()))
        {
            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", id))).ShouldBe((int)NominationStatus.Submitted);
        (await _data.CountAsync("SELECT count(*) FROM notifications WHERE link = @l AND settled_at IS NULL", ("l", $"/Nominations/Details/{id}"))).ShouldBe(0);
        var after = await member.GetPageAsync("/");
        after.QuerySelector("[data-testid=bell]")!.GetAttribute("data-count").ShouldBe("0");
        after.QuerySelector("[data-testid=bell-count]").ShouldBeNull();
        (await member.GetPageAsync("/Notifications")).QuerySelector("[data-testid=notification]")!.GetAttribute("data-open").ShouldBe("false");
        _ = memberId;
    }

    [Fact]
    public async Task The_mail_follows_the_recipient_s_preferences_English_and_then_none()
    {
        var (_, email, first, name) = await CreatorWithSubmittedAsync("Putu English");
        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, MailTestKit.Password);
        var preferences = await member.GetPageAsync("/Account/Preferences");
        using (var saved = await member.SubmitFormAsync(preferences, "/Account/Preferences", "main form[method=post]", new Dictionary<string, string> { ["Input.Mail"] = "Immediate", ["Input.Language"] = "en" }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The interface follows at once.
        (await member.GetPageAsync("/Account/Preferences")).DocumentElement.GetAttribute("lang").ShouldBe("en");

        await ReturnAsync(first);
        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Nomination {name} was returned for correction");
        mail.Text.ReplaceLineEndings("\n").ShouldContain($"Open in the portal:\nhttp://localhost/Nominations/Details/{first}\n");
        (await MailTestKit.OutboxAsync(portal.Factory, email)).Single().Language.ShouldBe("en");

        // No mail: the notification is still written, nothing is queued.
        var page = await member.GetPageAsync("/Account/Preferences");
        using (var saved = await member.SubmitFormAsync(page, "/Account/Preferences", "main form[method=post]", new Dictionary<string, string> { ["Input.Mail"] = "None", ["Input.Language"] = "en" }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var second = await _data.NominationAsync(await _data.SharedCycleAsync(), await _data.EmployerAsync("51.71"), NominationStatus.Submitted);
        var userId = await _data.ScalarAsync<Guid>("SELECT id FROM users WHERE email = @e", ("e", email));
        await TestDatabase.ExecuteAsync($"UPDATE nominations SET created_by = '{userId}' WHERE id = {second}", portal.Factory.Database);
        await ReturnAsync(second);
        (await _data.CountAsync("SELECT count(*) FROM notifications WHERE user_id = @u", ("u", userId))).ShouldBe(2);
        (await MailTestKit.OutboxAsync(portal.Factory, email)).Count.ShouldBe(1);

        // The stored language is applied at the next sign-in, in a browser that never chose one.
        using var again = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, MailTestKit.Password);
        (await again.GetPageAsync("/")).DocumentElement.GetAttribute("lang").ShouldBe("en");
    }

    [Fact]
    public async Task Opening_marks_one_read_and_goes_to_the_thing_another_person_s_is_not_found_and_all_can_be_marked_read()
    {
        var (userId, email, id, _) = await CreatorWithSubmittedAsync("Kadek Pembaca");
        await ReturnAsync(id);
        var (_, _, other, _) = await CreatorWithSubmittedAsync("Wayan Lain");
        await ReturnAsync(other);
        var mine = await _data.ScalarAsync<long>("SELECT id FROM notifications WHERE user_id = @u", ("u", userId));
        var theirs = await _data.ScalarAsync<long>("SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.full_name = 'Wayan Lain'");

        using var member = await portal.Factory.CreatePortalClient().SignedInAsAsync(email, MailTestKit.Password);
        var list = await member.GetPageAsync("/Notifications");
        using (var refused = await member.PostFieldsAsync($"/Notifications?handler=Open&id={theirs}", PortalClient.ReadForm((AngleSharp.Html.Dom.IHtmlFormElement)list.QuerySelector("[data-testid=notification] form")!).Where(f => f.Key == "__RequestVerificationToken")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await _data.CountAsync("SELECT count(*) FROM notifications WHERE id = @id AND read_at IS NULL", ("id", theirs))).ShouldBe(1);

        using (var opened = await member.SubmitFormAsync(list, "/Notifications", "[data-testid=notification] form", new Dictionary<string, string>()))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            opened.Headers.Location!.OriginalString.ShouldBe($"/Nominations/Details/{id}");
        }

        (await _data.CountAsync("SELECT count(*) FROM notifications WHERE id = @id AND read_at IS NOT NULL", ("id", mine))).ShouldBe(1);

        // Mark all read: the bell empties.
        await TestDatabase.ExecuteAsync($"UPDATE notifications SET read_at = NULL WHERE id = {mine}", portal.Factory.Database);
        var again = await member.GetPageAsync("/Notifications");
        using (var all = await member.SubmitFormAsync(again, "/Notifications", "form:has([data-testid=read-all])", new Dictionary<string, string>()))
        {
            all.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await member.GetPageAsync("/")).QuerySelector("[data-testid=bell]")!.GetAttribute("data-count").ShouldBe("0");
        (await _data.CountAsync("SELECT count(*) FROM notifications WHERE id = @id AND read_at IS NULL", ("id", theirs))).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_return_writes_no_notification_and_queues_no_mail()
    {
        var (userId, email, id, _) = await CreatorWithSubmittedAsync("Komang Ditolak");
        using var officer = await _data.SignedInAsync(NominationTestData.Denpasar);
        var queue = await officer.GetPageAsync("/Verification");
        // The page was read at an older version: the return is refused, nothing of it is saved.
        await TestDatabase.ExecuteAsync($"UPDATE nominations SET summary = 'diubah' WHERE id = {id}", portal.Factory.Database);
        using (var refused = await officer.SubmitFormAsync(queue, "/Verification", $"#return-{id}", new Dictionary<string, string> { ["reason"] = "Alasan." }))
        {
            // Refused: back to the queue with the message beside the card (issue 15), nothing saved.
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldBe($"/Verification#item-{id}");
        }

        (await _data.CountAsync("SELECT count(*) FROM notifications WHERE link = @l", ("l", $"/Nominations/Details/{id}"))).ShouldBe(0);
        (await MailTestKit.OutboxAsync(portal.Factory, email)).ShouldBeEmpty();
        _ = userId;
    }
}
