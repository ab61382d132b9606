using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paritrana.Web.Infrastructure;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// The real portal (Program) in a test server, against its own copy of the seeded test database.
/// </summary>
public class PortalFactory(string database, string environment = "Development", IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string Database { get; } = database;

    public string ConnectionString => TestDatabase.ConnectionStringFor(Database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Paritrana"] = ConnectionString,
            ["Demo:Enabled"] = environment == "Production" ? "false" : "true",
            // The test server has no client address, so every sign-in of a test class shares one
            // rate-limit partition; SignInRateLimitTests sets a small limit of its own.
            ["Security:SignInAttemptsPerMinute"] = "100000",
            // Nobody must use two-factor sign-in unless a test says so (TwoFactorTests turn it on),
            // in every environment: the tests sign in with passwords.
            ["Security:RequireTwoFactorFor"] = "",
            // Invitations and e-mail change links are absolute (mail is queued; sent only with Email:SmtpHost).
            ["Portal:PublicUrl"] = "http://localhost",
            // No hourly reminder sweep or daily digest at start-up: the notification tests run them themselves.
            ["Notifications:RecurringJobs"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        // Settings go in as host configuration too, so that they win over appsettings*.json.
        foreach (var (k, v) in values)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
    }

    private readonly List<ReferenceData> _caches = [];
    private readonly List<Paritrana.Web.Accounts.SessionCache> _sessions = [];

    /// <summary>Registers the host's reference data copy, which the tests' own contexts drop (<see cref="PortalHosts"/>).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var cache = host.Services.GetRequiredService<ReferenceData>();
        _caches.Add(cache);
        PortalHosts.Register(Database, cache);
        var sessions = host.Services.GetRequiredService<Paritrana.Web.Accounts.SessionCache>();
        _sessions.Add(sessions);
        PortalHosts.Register(Database, sessions);
        TestDatabase.Written = PortalHosts.SessionsChanged;
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var cache in _caches)
        {
            PortalHosts.Unregister(cache);
        }

        foreach (var sessions in _sessions)
        {
            PortalHosts.Unregister(sessions);
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    /// <param name="https">Use https (needed for Secure and __Host- cookies outside Development).</param>
    /// <param name="host">The host name; HSTS is never sent to "localhost", so hardening tests use another.</param>
    public PortalClient CreatePortalClient(bool https = false, string host = "localhost") =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri($"{(https ? "https" : "http")}://{host}"),
        }));
}

/// <summary>
/// One fresh database and one portal per test class (xunit class fixture).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Database => Factory.Database;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("t");
        _factory = new PortalFactory(database);
        _ = _factory.Server; // start now, so start-up failures show in the fixture
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
        }
    }
}
