using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.BrowserTests.Infrastructure;
using Paritrana.Domain.Access;
using Paritrana.Web.Accounts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Paritrana.BrowserTests.Notifications;

/// <summary>The portal on a port known beforehand (its public address is in every mail link), sending to the run's smtp4dev.</summary>
public sealed class MailBrowserPortal : BrowserPortal
{
    public Smtp4dev Mailbox { get; private set; } = null!;

    protected override async Task<KestrelPortalFactory> CreateFactoryAsync(string database)
    {
        Mailbox = await Smtp4dev.SharedAsync();
        var port = Smtp4dev.FreePort();
        var settings = Mailbox.PortalSettings();
        settings["Portal:PublicUrl"] = $"http://127.0.0.1:{port}";
        return new KestrelPortalFactory(database, settings, port);
    }
}

/// <summary>
/// Issue 14's chain, end to end in Chromium: the branch officer returns a nomination; its creator
/// sees it on the home page and in the bell; the mail arrives in smtp4dev in Indonesian and its
/// link opens the nomination; the member fixes its figures and submits it again, and it leaves both the work list and
/// the bell's count.
/// </summary>
public partial class ReturnedNominationChainTests(MailBrowserPortal portal, ITestOutputHelper output) : IClassFixture<MailBrowserPortal>
{
    private const string Password = "frasa-sandi-anggota-rantai";

    [Fact]
    public async Task Returned_by_the_officer_seen_and_mailed_to_the_member_fixed_resubmitted_and_gone_from_both_lists() => await Ui.RunAsync(portal, output, async ui =>
    {
        // A Bali member with an address of their own, creator of a submitted Denpasar nomination of the current cycle.
        var email = $"rantai.{Guid.NewGuid():N}@uji.paritrana";
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, FullName = "Ni Ketut Rantai", ProvinceCode = "51", CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.CommitteeMember)).Succeeded.ShouldBeTrue();
        }

        var id = await TestDatabase.ScalarAsync<int>(portal.Database,
            "SELECT n.id FROM nominations n JOIN award_cycles c ON c.id = n.cycle_id WHERE c.is_current AND NOT c.is_closed AND n.status = 2 AND n.regency_code = '51.71' ORDER BY n.id LIMIT 1");
        id.ShouldBeGreaterThan(0);
        await TestDatabase.ExecuteAsync($"UPDATE nominations SET created_by = (SELECT id FROM users WHERE email = '{email}') WHERE id = {id}", portal.Database);
        var name = await TestDatabase.ScalarAsync<string>(portal.Database, $"SELECT o.name FROM nominations n JOIN organisations o ON o.id = n.organisation_id WHERE n.id = {id}");
        var year = await TestDatabase.ScalarAsync<int>(portal.Database, "SELECT year FROM award_cycles WHERE is_current");

        // The member's home page before: how many returned nominations the list counts (the demo may have some).
        var member = await ui.SignInAsync(email, password: Password);
        var returnedLine = member.Locator($"[data-testid=work-line][data-id=returned-{year}]");
        var before = await returnedLine.CountAsync() == 0 ? 0 : int.Parse(await returnedLine.GetByTestId("work-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Expect(member.GetByTestId("bell")).ToHaveAttributeAsync("data-count", "0");

        // The branch officer returns it from the verification queue.
        var officer = await ui.SignInAsync("cabang.denpasar@paritrana.demo");
        await officer.GotoAsync("/Verification");
        var item = officer.Locator($"[data-testid=queue-item][data-id='{id}']");
        await item.GetByLabel("Alasan pengembalian").FillAsync("Jumlah pekerja tidak sesuai dengan data BPJamsostek.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Kembalikan" }).ClickAsync();
        await Expect(officer.Locator($"[data-testid=queue-item][data-id='{id}']")).ToHaveCountAsync(0);

        // The member: on the home page's work list and in the bell.
        await member.GotoAsync("/");
        await Expect(returnedLine.GetByTestId("work-count")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(member.GetByTestId("bell-count")).ToHaveTextAsync("1");
        await member.GetByTestId("bell").ClickAsync();
        await Expect(member.GetByTestId("notification-link")).ToHaveTextAsync($"Nominasi {name} dikembalikan untuk diperbaiki");

        // The mail, in Indonesian, with the portal's public address; its link opens the nomination.
        var mail = (await portal.Mailbox.WaitForAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Nominasi {name} dikembalikan untuk diperbaiki");
        mail.Text.ShouldStartWith("Yth. Ni Ketut Rantai,");
        var link = LinkPattern().Match(mail.Text).Value;
        link.ShouldBe($"{portal.BaseUrl}Nominations/Details/{id}");
        await member.GotoAsync(link);
        await Expect(member.GetByTestId("status")).ToHaveTextAsync("Dikembalikan");

        // Fixed (one more worker on the figures form) and submitted again.
        await member.GotoAsync($"/Nominations/Edit/{id}");
        var workersField = member.Locator("#Input_Workers, #Input_NonAsnWorkers").First;
        var workers = int.Parse(await workersField.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await workersField.FillAsync((workers + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await member.GetByRole(AriaRole.Button, new() { Name = "Simpan angka" }).ClickAsync();
        await Expect(member.GetByTestId("status")).ToHaveTextAsync("Dikembalikan");
        (await TestDatabase.ScalarAsync<int>(portal.Database, $"SELECT coalesce(workers, non_asn_workers) FROM nominations WHERE id = {id}")).ShouldBe(workers + 1);
        await member.Locator($"#action-Submit").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(member.GetByTestId("status")).ToHaveTextAsync("Diajukan");

        // Gone from the work list and from the bell's count; still listed, as done.
        await member.GotoAsync("/");
        if (before == 0)
        {
            await Expect(returnedLine).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(returnedLine.GetByTestId("work-count")).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Expect(member.GetByTestId("bell")).ToHaveAttributeAsync("data-count", "0");
        await Expect(member.GetByTestId("bell-count")).ToHaveCountAsync(0);
        await member.GetByTestId("bell").ClickAsync();
        await Expect(member.GetByTestId("notification")).ToHaveAttributeAsync("data-open", "false");
    });

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/Nominations/Details/\d+")]
    private static partial Regex LinkPattern();
}
