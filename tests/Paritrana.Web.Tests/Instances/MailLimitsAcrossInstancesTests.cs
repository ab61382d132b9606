using Paritrana.Web.Tests.Accounts;
using Paritrana.Web.Tests.Mail;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// "Lupa kata sandi?" and the e-mail change confirmation are limited in the shared PostgreSQL
/// store (sign_in_attempts), like the sign-in limit: three instances together allow what one
/// allows (docs/decisions/028, 039). The three instances share one test clock, so no hour turns
/// between the requests.
/// </summary>
public class MailLimitsAcrossInstancesTests : IAsyncLifetime
{
    private string _database = "";
    private readonly List<ClockedPortalFactory> _instances = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("limit3");
        var clock = new TestClock();
        var settings = new Dictionary<string, string?>
        {
            ["Security:PasswordResetsPerAddressPerHour"] = "2",
            ["Security:PasswordResetsPerClientPerHour"] = "1000",
            ["Security:EmailChangesPerUserPerHour"] = "2",
            ["Portal:PublicUrl"] = "http://localhost",
        };
        for (var i = 0; i < 3; i++)
        {
            var instance = new ClockedPortalFactory(_database, clock, settings);
            instance.StartServer();
            _instances.Add(instance);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task The_third_password_reset_request_for_an_address_is_refused_when_each_goes_to_another_instance()
    {
        var (_, email, _) = await MailTestKit.MemberAsync(_instances[0]);
        var statuses = new List<HttpStatusCode>();
        foreach (var instance in _instances)
        {
            using var client = instance.CreatePortalClient();
            using var response = await MailTestKit.ForgotAsync(client, email);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        (await MailTestKit.OutboxAsync(_instances[0], email)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_third_email_change_request_of_an_account_is_refused_when_each_goes_to_another_instance()
    {
        var (_, email, _) = await MailTestKit.MemberAsync(_instances[0]);
        var statuses = new List<HttpStatusCode>();
        var targets = new List<string>();
        foreach (var instance in _instances)
        {
            using var client = await instance.CreatePortalClient().SignedInAsAsync(email, MailTestKit.Password);
            var target = $"pindah.{Guid.NewGuid():N}@uji.paritrana";
            targets.Add(target);
            using var response = await EmailChangeLimitKit.RequestAsync(client, target);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        (await MailTestKit.OutboxAsync(_instances[0], email)).Count.ShouldBe(2);
        (await MailTestKit.OutboxAsync(_instances[0], targets[2])).ShouldBeEmpty();
    }
}
