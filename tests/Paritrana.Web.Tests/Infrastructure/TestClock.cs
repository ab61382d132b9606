using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Paritrana.Web.Tests.Infrastructure;

/// <summary>
/// A clock that stands still until a test moves it. The portal reads the time only through
/// <see cref="TimeProvider"/> (registered in PortalServices), so replacing it moves the portal's
/// "now" for sessions, cookies and audit events alike, without waiting.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Starts at the real time, cut to whole seconds (PostgreSQL keeps microseconds).</summary>
    public TestClock()
    {
        var now = DateTimeOffset.UtcNow;
        _utcTicks = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond);
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}

/// <summary>The portal with a <see cref="TestClock"/> in place of the system clock.</summary>
public sealed class ClockedPortalFactory(string database, TestClock clock, IDictionary<string, string?>? settings = null)
    : PortalFactory(database, settings: settings)
{
    public TestClock Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>One fresh database and one portal on a <see cref="TestClock"/> per test class.</summary>
public sealed class ClockedPortalFixture : IAsyncLifetime
{
    private ClockedPortalFactory? _factory;

    public ClockedPortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Database => Factory.Database;

    public TestClock Clock => Factory.Clock;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("clk");
        _factory = new ClockedPortalFactory(database, new TestClock());
        _ = _factory.Server;
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
