using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Paritrana.Domain.Nominations;
using Paritrana.Domain.Organisations;
using Paritrana.Web.Tests.Nominations;
using static Paritrana.Web.Tests.Nominations.NominationTestData;

namespace Paritrana.Web.Tests.Verification;

/// <summary>
/// The branch officer's review queue: the branch's submitted nominations, oldest first, beside the
/// latest imported figures, with verify and return-with-reason from each row.
/// </summary>
public class VerificationQueueTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private readonly NominationTestData _data = new(portal);

    [Fact]
    public async Task The_queue_lists_the_branch_s_submitted_nominations_oldest_first_beside_the_imported_figures()
    {
        var cycle = await _data.CycleAsync();
        try
        {
            var imported = (new DateOnly(2025, 12, 31), 100, 80, 5, Programs.All, 2);
            var newer = await SubmittedAsync(cycle, await _data.EmployerAsync("51.71", latest: imported), submittedHoursAgo: 1);
            var older = await SubmittedAsync(cycle, await _data.EmployerAsync("51.08", latest: imported), submittedHoursAgo: 30);
            var notImported = await SubmittedAsync(cycle, await _data.EmployerAsync("51.02"), submittedHoursAgo: 10);
            var draft = await _data.NominationAsync(cycle, await _data.EmployerAsync("51.71", latest: imported));
            var gianyarOwn = await SubmittedAsync(cycle, await _data.EmployerAsync("51.04", latest: imported), submittedHoursAgo: 5);

            using var officer = await _data.SignedInAsync(Denpasar);
            var queue = await officer.GetPageAsync("/Verification");
            var ids = Ids(queue);
            ids.Where(new[] { newer, older, notImported, draft, gianyarOwn }.Contains).ShouldBe([older, notImported, newer]);

            var item = queue.QuerySelector($"[data-testid=queue-item][data-id='{older}']")!;
            NominationFlowTests.Comparison(item).ShouldBe(
            [
                "as-of|31 Des 2025|31 Des 2025|same",
                "workers|100|100|same",
                "participants-pu|90|80|differs",
                "participants-bpu|5|5|same",
                "coverage|95,00 %|85,00 %|differs",
                "programs|JKK, JKM, JHT, JP, JKP|JKK, JKM, JHT, JP, JKP|same",
                "arrears|0|2|differs",
            ]);
            var bare = queue.QuerySelector($"[data-testid=queue-item][data-id='{notImported}']")!;
            bare.QuerySelector("[data-testid=no-import]").ShouldNotBeNull();
            bare.QuerySelectorAll("[data-testid=differs]").Length.ShouldBe(0);
            bare.QuerySelectorAll(".imported").Select(PortalClient.Text).Distinct().ShouldBe(["—"]);

            using var gianyar = await _data.SignedInAsync(Gianyar);
            Ids(await gianyar.GetPageAsync("/Verification")).Where(new[] { newer, older, notImported, gianyarOwn }.Contains).ShouldBe([gianyarOwn]);
        }
        finally
        {
            // Leave nothing in the branch's queue for the other tests of this class.
            await _data.CloseAsync(cycle);
        }
    }

    [Fact]
    public async Task A_return_needs_a_reason_and_the_returned_count_follows()
    {
        var cycle = await _data.CycleAsync();
        var id = await SubmittedAsync(cycle, await _data.EmployerAsync("51.71"), submittedHoursAgo: 2);
        using var officer = await _data.SignedInAsync(Denpasar);
        var queue = await officer.GetPageAsync("/Verification");
        var returnedBefore = Returned(queue);

        using (var refused = await officer.SubmitFormAsync(queue, "/Verification", $"#return-{id}", new Dictionary<string, string> { ["reason"] = "   " }))
        {
            // Post, redirect, get: the address is the queue's again, and the error sits in the nomination's card, by its reason field.
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldBe($"/Verification#item-{id}");
            var page = await PortalClient.ParseAsync(await officer.FollowAsync(refused));
            var card = page.QuerySelector($"[data-testid=queue-item][data-id='{id}']")!;
            PortalClient.Text(card.QuerySelector("#return-" + id + " [data-testid=transition-error]")).ShouldBe("Alasan wajib diisi untuk langkah ini.");
            card.QuerySelector("textarea[name=reason]")!.ClassList.ShouldContain("is-invalid");
            page.QuerySelectorAll("[data-testid=transition-error]").Length.ShouldBe(1);
            Ids(page).ShouldContain(id);
        }

        (await _data.ScalarAsync<int>("SELECT status FROM nominations WHERE id = @id", ("id", id))).ShouldBe((int)NominationStatus.Submitted);

        using (var returned = await officer.SubmitFormAsync(queue, "/Verification", $"#return-{id}", new Dictionary<string, string> { ["reason"] = "NPP tidak sesuai." }))
        {
            var page = await PortalClient.ParseAsync(await officer.FollowAsync(returned));
            Ids(page).ShouldNotContain(id);
            Returned(page).ShouldBe(returnedBefore + 1);
        }

        // Once the cycle is closed, its nominations leave the queue and the count.
        var other = await SubmittedAsync(cycle, await _data.EmployerAsync("51.71"), submittedHoursAgo: 3);
        Ids(await officer.GetPageAsync("/Verification")).ShouldContain(other);
        await _data.CloseAsync(cycle);
        var closed = await officer.GetPageAsync("/Verification");
        Ids(closed).ShouldNotContain(other);
        Returned(closed).ShouldBe(returnedBefore);
    }

    [Fact]
    public async Task The_queue_is_paged()
    {
        var cycle = await _data.CycleAsync();
        try
        {
            for (var i = 0; i < 26; i++)
            {
                await SubmittedAsync(cycle, await _data.EmployerAsync("51.01"), submittedHoursAgo: 100 + i);
            }

            var total = await _data.CountAsync(
                "SELECT count(*) FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id JOIN branch_offices b ON b.id = n.branch_office_id " +
                "WHERE n.status = 2 AND NOT c.is_closed AND b.name = 'Kantor Cabang Denpasar'");
            using var officer = await _data.SignedInAsync(Denpasar);
            var first = await officer.GetPageAsync("/Verification");
            Ids(first).Count.ShouldBe(25);
            PortalClient.Text(first.QuerySelector("[data-testid=pager-summary]")).ShouldBe($"Menampilkan 1–25 dari {total.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))}");
            var second = await officer.GetPageAsync("/Verification?p=2");
            Ids(second).Count.ShouldBe((int)Math.Min(25, total - 25));
            Ids(second).Intersect(Ids(first)).ShouldBeEmpty();
        }
        finally
        {
            // Leave nothing in the branch's queue for the other tests of this class.
            await _data.CloseAsync(cycle);
        }
    }

    [Theory]
    [InlineData(Member)]
    [InlineData(Chair)]
    [InlineData(AdminEmail)]
    public async Task Only_branch_officers_have_a_queue(string email)
    {
        using var client = await _data.SignedInAsync(email);
        using var response = await client.GetAsync("/Verification");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("http://localhost/Account/AccessDenied?ReturnUrl=%2FVerification");
    }

    /// <summary>A submitted nomination whose submission is <paramref name="submittedHoursAgo"/> old.</summary>
    private async Task<int> SubmittedAsync(TestCycle cycle, Organisation employer, int submittedHoursAgo)
    {
        var id = await _data.NominationAsync(cycle, employer, NominationStatus.Submitted);
        await TestDatabase.ExecuteAsync(
            $"UPDATE nominations SET updated_at = now() - interval '{submittedHoursAgo} hours' WHERE id = {id}", portal.Database);
        return id;
    }

    private static List<int> Ids(IHtmlDocument queue) =>
        queue.QuerySelectorAll("[data-testid=queue-item]").Select(e => int.Parse(e.GetAttribute("data-id")!, CultureInfo.InvariantCulture)).ToList();

    private static int Returned(IHtmlDocument queue) =>
        int.Parse(PortalClient.Text(queue.QuerySelector("[data-testid=awaiting-resubmission] strong")), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("id-ID"));
}
