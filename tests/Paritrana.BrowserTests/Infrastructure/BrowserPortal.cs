using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Paritrana.BrowserTests.Infrastructure;

/// <summary>
/// The real portal (Program) served by Kestrel on a free loopback port, against its own copy of the
/// seeded test database.
/// Why in-process Kestrel (.NET 10's <c>UseKestrel</c>) rather than the built Paritrana.Web as a
/// child process: port 0 lets Kestrel pick a free port itself (no probe-then-bind race between
/// parallel test runs), start-up errors surface as exceptions in the fixture instead of in another
/// process's log, and the portal ends with the test process, so a killed run leaves no server
/// behind. It is the same Program, configuration and middleware as the process; the
/// process-level concerns (verbs, --urls) are covered by Paritrana.Web.Tests' ProcessTests.
/// </summary>
public sealed class KestrelPortalFactory : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?> _settings;

    /// <param name="settings">Settings of one test class (e.g. its mail server), over the defaults below.</param>
    /// <param name="port">0: a free port Kestrel picks; a fixed one when the portal must know its address beforehand (Portal:PublicUrl).</param>
    public KestrelPortalFactory(string database, IDictionary<string, string?>? settings = null, int port = 0)
    {
        Database = database;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(port);
    }

    public string Database { get; }

    /// <summary>Uploaded imports and evidence of this portal, removed with the fixture.</summary>
    public string FilesDirectory => Path.Combine(Path.GetTempPath(), "paritrana-browser-files", Database);


    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Paritrana"] = TestDatabase.ConnectionStringFor(Database),
            ["Demo:Enabled"] = "true",
            // Every sign-in comes from 127.0.0.1; the tests sign in more often than a person would.
            ["Security:SignInAttemptsPerMinute"] = "100000",
            // Invitation links start with it; the journey follows them on its own port.
            ["Portal:PublicUrl"] = "http://localhost",
            // Imports and PDFs write files; keep them in this database's own temporary folder.
            // No hourly reminder sweep or daily digest at start-up.
            ["Notifications:RecurringJobs"] = "false",
        };
        foreach (var (k, v) in _settings)
        {
            values[k] = v;
        }

        // As host settings too, so that they win over appsettings*.json.
        foreach (var (k, v) in values)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
    }

    /// <summary>Starts Kestrel and answers the address it listens on (http://127.0.0.1:PORT).</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Kestrel reports the loopback address as given or as "localhost"/"[::]"; the browser uses the port.
        return new Uri($"http://127.0.0.1:{new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port}/");
    }
}

/// <summary>
/// One fresh database, one portal on a real port and one headless Chromium per test class (xunit
/// class fixture). Tests open their own browser contexts (one per user) from <see cref="Browser"/>.
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    private KestrelPortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string Database => Factory.Database;

    public KestrelPortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Fixture not initialised.");

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("b");
        _factory = await CreateFactoryAsync(database);
        BaseUrl = _factory.Start();
        Assertions.SetDefaultExpectTimeout(Ui.Timeout);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>The portal of this fixture; a subclass gives it settings of its own.</summary>
    protected virtual Task<KestrelPortalFactory> CreateFactoryAsync(string database) => Task.FromResult(new KestrelPortalFactory(database));

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabase.DropAsync(_factory.Database);
            if (Directory.Exists(_factory.FilesDirectory))
            {
                Directory.Delete(_factory.FilesDirectory, recursive: true);
            }
        }
    }

    /// <summary>A new browser context (its own cookies: one signed-in user) with generous timeouts.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl.ToString();
        options.Locale ??= "id-ID";
        options.TimezoneId ??= "Asia/Makassar";
        options.AcceptDownloads = true;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(Ui.Timeout);
        context.SetDefaultNavigationTimeout(Ui.Timeout);
        return context;
    }
}
