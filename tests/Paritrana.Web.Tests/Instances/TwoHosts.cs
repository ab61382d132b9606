using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Paritrana.Web.Tests.Instances;

/// <summary>
/// One browser in front of two portal instances on the same database, as behind a load balancer:
/// the cookies are the browser's, each request goes to the instance chosen by <see cref="Target"/>,
/// or to each in turn when <see cref="Alternate"/> is set.
/// </summary>
public sealed class TwoHosts : HttpMessageHandler
{
    private readonly HttpMessageInvoker[] _hosts;
    private int _next;

    public TwoHosts(PortalFactory first, PortalFactory second) =>
        _hosts = [new HttpMessageInvoker(first.Server.CreateHandler()), new HttpMessageInvoker(second.Server.CreateHandler())];

    /// <summary>0 or 1: the instance of the next requests (unless <see cref="Alternate"/>).</summary>
    public int Target { get; set; }

    public bool Alternate { get; set; }

    /// <summary>The Cookie header of the last request (to present a cookie again after the browser dropped it).</summary>
    public string? LastCookie { get; private set; }

    /// <summary>How many requests each instance served.</summary>
    public int[] Served { get; } = new int[2];

    /// <summary>A client with its own cookies whose requests go through this switch.</summary>
    public PortalClient CreateClient() =>
        new(new HttpClient(new CookieContainerHandler(new CookieContainer()) { InnerHandler = this }, disposeHandler: false)
        {
            BaseAddress = new Uri("http://localhost"),
        });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = Alternate ? Interlocked.Increment(ref _next) % 2 : Target;
        Interlocked.Increment(ref Served[host]);
        LastCookie = request.Headers.TryGetValues("Cookie", out var cookies) ? string.Join("; ", cookies) : null;
        return _hosts[host].SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var host in _hosts)
            {
                host.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// A field-work fixture with a second portal instance on the same database (its own host, its own
/// in-memory state): clients made by <see cref="CreateClient"/> reach both through <see cref="Hosts"/>.
/// </summary>
public sealed class TwoInstancesFixture : FieldWork.FieldWorkFixture
{
    private PortalFactory? _second;
    private TwoHosts? _hosts;

    public PortalFactory Second => _second ?? throw new InvalidOperationException("Fixture not initialised.");

    public TwoHosts Hosts => _hosts ?? throw new InvalidOperationException("Fixture not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _second = new PortalFactory(Database);
        _second.StartServer();
        _hosts = new TwoHosts(Factory, _second);
    }

    public override PortalClient CreateClient() => Hosts.CreateClient();

    public override async Task DisposeAsync()
    {
        _hosts?.Dispose();
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    /// <summary>Tests that measure the process's allocations run with no other test class at the same time.</summary>
    public const string Name = "Alone";
}
