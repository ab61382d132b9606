using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Paritrana.Domain.Access;
using Paritrana.Web.Accounts;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// Wrong two-factor codes count in the same shared sign-in limit as passwords (sign_in_attempts,
/// docs/decisions/031): split over two instances, the password and the codes together get what one
/// instance allows.
/// </summary>
public class TwoFactorLimitAcrossInstancesTests : IAsyncLifetime
{
    private const string Password = "Gunung-Agung-Di-Pagi-Hari";
    private string _database = "";
    private PortalFactory? _first;
    private PortalFactory? _second;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("limit2fa");
        var settings = new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" };
        _first = new PortalFactory(_database, settings: settings);
        _second = new PortalFactory(_database, settings: settings);
        _first.StartServer();
        _second.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task After_the_password_the_third_wrong_code_of_a_minute_is_refused_across_two_instances()
    {
        var email = $"kode.{Guid.NewGuid():N}@uji.paritrana";
        await using (var scope = _first!.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, FullName = "Akun Kode", ProvinceCode = "51", CreatedAt = DateTimeOffset.UtcNow, EmailConfirmed = true, LockoutEnabled = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.CommitteeMember)).Succeeded.ShouldBeTrue();
            (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
            (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
        }

        using var hosts = new TwoHosts(_first!, _second!);
        using var client = hosts.CreateClient();
        hosts.Target = 0;
        using (var password = await client.SignInAsync(email, Password))
        {
            password.Headers.Location!.ToString().ShouldBe("/Account/LoginWith2fa?ReturnUrl=%2F");
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // Codes 1 and 3 on the second instance, 2 on the first (each: the form, then its post).
            hosts.Target = (i + 1) % 2;
            using var attempt = await client.SubmitFormAsync("/Account/LoginWith2fa?ReturnUrl=%2F", "form[method=post]:not(.language-switch)",
                new Dictionary<string, string> { ["Input.Code"] = "000000" });
            statuses.Add(attempt.StatusCode);
        }

        // As in SignInLimitAcrossInstancesTests: the minute may turn between attempts.
        var windows = await TestDatabase.ScalarAsync<string>(_database, "SELECT string_agg(attempts::text, ',' ORDER BY window_start) FROM sign_in_attempts WHERE client_address = 'unknown'");
        if (windows == "4")
        {
            statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        }
        else
        {
            statuses.ShouldNotContain(HttpStatusCode.TooManyRequests);
        }

        hosts.Served.ShouldBe([4, 4]);
    }
}
